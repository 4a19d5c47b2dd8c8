crm init makes a store; a second init changes nothing.

  $ crm init shop
  crm: made a crm store in /.*/shop (re)
  $ ls -A shop shop/.crm
  shop:
  .crm
  .gitignore
  activities
  campaigns
  companies
  contacts
  deals
  leads
  orders
  products
  segments
  tasks
  tickets
  
  shop/.crm:
  config.yaml
  $ cat shop/.gitignore
  # derived and temporary files: never the truth
  .crm/cache/
  .crm/lock
  .crm/edit/
  .crm/state/
  .crm/outbox/
  .*.tmp-*
  $ crm init shop
  crm: shop is already a crm store; nothing changed

Store discovery: -C, then $CRM_DIR, then the nearest parent holding .crm/.

  $ crm contact list
  crm: error: no crm store here or in any parent folder; make one with: crm init (or use -C DIR, CRM_DIR, or crm config --global set default_store DIR)
  [2]
  $ cd shop/contacts && crm contact add --name "Found Upward" && cd ../..
  [a-z0-9]{16} (re)
  $ crm -C shop -q contact list | wc -l
  1
  $ CRM_DIR=shop crm contact list --fields name
  ID    NAME
  [a-z0-9]{4}  Found Upward (re)
  $ crm -C nowhere contact list
  crm: error: nowhere is not a crm store (no .crm/ folder); make one with: crm init nowhere
  [2]
  $ CRM_DIR=/nonexistent crm contact list
  crm: error: CRM_DIR=/nonexistent is not a crm store (no .crm/ folder)
  [2]

init --git makes a git repository with LF line ends for records.

  $ crm init --git team 2>/dev/null && grep -A1 '^git:' team/.crm/config.yaml
  git:
    autocommit: true
  $ test -d team/.git && cat team/.gitattributes
  # crm records: LF line ends, merged field by field by `crm merge-file`
  *.yaml text eol=lf
  contacts/*.yaml merge=crm
  companies/*.yaml merge=crm
  leads/*.yaml merge=crm
  deals/*.yaml merge=crm
  tasks/*.yaml merge=crm
  activities/*.yaml merge=crm
  tickets/*.yaml merge=crm
  products/*.yaml merge=crm
  orders/*.yaml merge=crm
  segments/*.yaml merge=crm
  campaigns/*.yaml merge=crm
