The index under .crm/cache is derived, never the truth: every change to the
record files is seen by the next command, however it was made.

  $ cp -r "$STORES/basic" s && cd s
  $ touch -d '2026-01-01 00:00:00' contacts/*.yaml companies/*.yaml && sleep 0.3
  $ crm contact list --fields name,title > /dev/null && ls .crm/cache
  contacts.idx
  $ CRM_DEBUG_INDEX=1 crm contact list --fields name,title
  ID    NAME          TITLE
  kala  Alan Turing
  kgra  Grace Hopper  Rear Admiral
  kzoe  Zoë Ångström
  kli0  李小龙
  crm: index: contacts: 4 from the cache, 0 parsed

A hand edit that keeps the size and the mtime (the ctime still moves):

  $ sed -i 's/^title: Rear Admiral$/title: Rear Admirax/' contacts/kgrace0000000001.yaml && touch -d '2026-01-01 00:00:00' contacts/kgrace0000000001.yaml && sleep 0.3
  $ CRM_DEBUG_INDEX=1 crm contact list --fields name,title name~grace
  ID    NAME          TITLE
  kgra  Grace Hopper  Rear Admirax
  crm: index: contacts: 3 from the cache, 1 parsed

A file replaced by one of the same size and mtime, but another inode (git checkout does this):

  $ sed 's/^title: Rear Admirax$/title: Rear Admiraz/' contacts/kgrace0000000001.yaml > new.yaml && touch -d '2026-01-01 00:00:00' new.yaml && mv new.yaml contacts/kgrace0000000001.yaml && sleep 0.3
  $ CRM_DEBUG_INDEX=1 crm contact list --fields name,title name~grace
  ID    NAME          TITLE
  kgra  Grace Hopper  Rear Admiraz
  crm: index: contacts: 3 from the cache, 1 parsed

A file deleted, a file added, behind crm's back:

  $ rm contacts/kli00000000000004.yaml && printf 'id: knew000000000009\nname: New Person\n' > contacts/knew000000000009.yaml && sleep 0.3
  $ CRM_DEBUG_INDEX=1 crm -q contact list
  kalan00000000002
  kgrace0000000001
  knew000000000009
  kzoe000000000003
  crm: index: contacts: 3 from the cache, 1 parsed

A corrupt, truncated or foreign cache is rebuilt silently.

  $ printf 'garbage' > .crm/cache/contacts.idx && crm -q contact list | wc -l
  4
  $ head -c 100 .crm/cache/contacts.idx > x && mv x .crm/cache/contacts.idx && crm -q contact list | wc -l
  4
  $ cd .. && cp -r s copy && printf 'id: kcopy00000000001\nname: Only In The Copy\n' > copy/contacts/kcopy00000000001.yaml && crm -C copy -q contact list | wc -l && crm -C s -q contact list | wc -l
  5
  4

A read-only command never writes a record file.

  $ cd s && find contacts companies -newer .crm/config.yaml -name '*.yaml' | sort > before && crm contact list > /dev/null && crm check && find contacts companies -newer .crm/config.yaml -name '*.yaml' | sort | cmp - before && echo untouched
  untouched
  $ CRM_NO_CACHE=1 crm -q contact list | wc -l
  4
