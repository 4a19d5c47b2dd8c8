Tables are plain when piped; --color always forces colour; NO_COLOR wins over auto.

  $ cp -r "$STORES/basic" s && cd s
  $ crm company list --color always | od -c | head -2
  0000000 033   [   1   m   I   D 033   [   0   m                 033   [
  0000020   1   m   N   A   M   E 033   [   0   m                        
  $ crm company list --color never | head -1
  ID    NAME              DOMAIN          INDUSTRY       RELATIONSHIP  TAGS
  $ NO_COLOR=1 crm company list | head -1
  ID    NAME              DOMAIN          INDUSTRY       RELATIONSHIP  TAGS
  $ crm company list --color sometimes
  crm: error: --color: sometimes not in {auto,always,never} (see crm help company list)
  [2]
