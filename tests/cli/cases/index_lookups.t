What the index answers without decoding every record — who refers to a
record (the 360° view), which record an email or a name means — is never
stale: an edit behind crm's back that keeps the file's size and mtime is
seen by the next command.

  $ cp -r "$STORES/basic" s && cd s && mkdir -p deals
  $ printf 'id: dbig000000000001\nname: Big Deal\ncontacts:\n  - kgrace0000000001\nstage: qualification\n' > deals/dbig000000000001.yaml
  $ touch -d '2026-01-01 00:00:00' contacts/*.yaml companies/*.yaml deals/*.yaml && sleep 0.3
  $ crm check && ls .crm/cache
  companies.idx
  contacts.idx
  deals.idx
  $ crm contact show kgrace0000000001 | grep -A2 '^Deals'
  Deals (1)
  ID    NAME      STAGE
  dbig  Big Deal  qualification
  $ crm contact show kalan00000000002 | grep -c 'Big Deal'
  0
  [1]
  $ crm company show cglobex00000000b | grep -c 'Turing'
  0
  [1]

A reference moved from Grace to Alan, and Alan's company from Acme to
Globex, each keeping the size and the mtime:

  $ sed -i 's/kgrace0000000001/kalan00000000002/' deals/dbig000000000001.yaml && touch -d '2026-01-01 00:00:00' deals/dbig000000000001.yaml
  $ sed -i 's/^company: cacme0000000000a$/company: cglobex00000000b/' contacts/kalan00000000002.yaml && touch -d '2026-01-01 00:00:00' contacts/kalan00000000002.yaml && sleep 0.3
  $ CRM_DEBUG_INDEX=1 crm contact show kalan00000000002 2>&1 | grep -E 'Big Deal|index: deals'
  dbig  Big Deal  qualification
  crm: index: deals: 1 from the cache, 1 parsed
  $ crm contact show kgrace0000000001 | grep -c 'Big Deal'
  0
  [1]
  $ crm company show cglobex00000000b | grep -o 'Alan Turing'
  Alan Turing
  $ crm company show cacme0000000000a | grep -o 'Alan Turing'
  [1]

An email and a name changed the same way: the old ones no longer find the
person, the new ones do.

  $ crm contact show grace@acme.example | grep '^name'
  name        Grace Hopper
  $ sed -i 's/^email: grace@acme.example$/email: gracy@acme.example/; s/^name: Grace Hopper$/name: Grace Hoppex/' contacts/kgrace0000000001.yaml && touch -d '2026-01-01 00:00:00' contacts/kgrace0000000001.yaml && sleep 0.3
  $ crm contact show grace@acme.example
  crm: error: no contact matches "grace@acme.example"
  [1]
  $ crm contact show gracy@acme.example | grep '^name'
  name        Grace Hoppex
  $ crm contact show 'grace hoppex' | grep '^name'
  name        Grace Hoppex
  $ crm contact show 'Grace Hopper'
  crm: error: no contact matches "Grace Hopper"
  [1]
  $ crm -q log call gracy@acme.example 'talked' | wc -l
  1
  $ crm activity list --fields with
  ID    WITH
  [a-z0-9]{4}  Grace Hoppex (re)

The same answers without the index:

  $ CRM_NO_CACHE=1 crm contact show gracy@acme.example | grep '^name'
  name        Grace Hoppex
  $ CRM_NO_CACHE=1 crm company show cglobex00000000b | grep -o 'Alan Turing'
  Alan Turing
  $ CRM_NO_CACHE=1 crm contact show kalan00000000002 | grep -o 'Big Deal'
  Big Deal
