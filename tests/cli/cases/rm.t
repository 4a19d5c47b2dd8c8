rm asks on a terminal; elsewhere it needs --yes.

  $ cp -r "$STORES/basic" s && cd s
  $ crm contact rm kli0
  crm: error: rm removes records: add --yes to confirm when not at a terminal
  [2]
  $ ls contacts/kli00000000000004.yaml
  contacts/kli00000000000004.yaml
  $ crm contact rm kli0 --yes && ls contacts
  kalan00000000002.yaml
  kgrace0000000001.yaml
  kzoe000000000003.yaml
  $ crm contact rm kli0 --yes
  crm: error: no contact matches "kli0"
  [1]

A record others refer to is not removed without --force; --force unlinks them first.

  $ crm company rm globex --yes
  crm: error: company Globex (cglobex00000000b) is referenced by 1 contact; use --force to remove it and unlink them
  [4]
  $ ls companies
  cacme0000000000a.yaml
  cglobex00000000b.yaml
  $ crm company rm globex --yes --force
  crm: unlinked contact Zoë Ångström (kzoe000000000003) (company)
  $ ls companies
  cacme0000000000a.yaml
  $ crm -q contact list company=
  kzoe000000000003
  $ crm check

Removing several at once resolves them all first: one bad id removes nothing.

  $ crm contact rm alan nobody --yes
  crm: error: no contact matches "nobody"
  [1]
  $ ls contacts
  kalan00000000002.yaml
  kgrace0000000001.yaml
  kzoe000000000003.yaml
  $ crm company rm acme kala kgra --yes
  crm: error: no company matches "kala"
  [1]
  $ crm contact rm kala kgra --yes && crm company rm acme --yes && ls contacts companies
  companies:
  
  contacts:
  kzoe000000000003.yaml
