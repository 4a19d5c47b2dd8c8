Writers take the store's lock: two processes adding 500 records each at the
same time end with 1000 valid records.

  $ crm init s 2>/dev/null && cd s
  $ add() { for i in $(seq 500); do crm contact add --name "$1 $i" > /dev/null || echo "add failed"; done; }
  $ add Alpha & add Beta & wait
  $ ls contacts | wc -l
  1000
  $ crm -q contact list | sort -u | wc -l
  1000
  $ crm check && echo clean
  clean

Concurrent sets on one record lose neither change.

  $ crm contact add --name "Shared Record" > /dev/null
  $ titles() { for i in $(seq 150); do crm contact set "shared record" title="T$i" || echo "set failed"; done; }
  $ tags() { for i in $(seq 150); do crm contact set "shared record" --tag "t$i" || echo "set failed"; done; }
  $ titles & tags & wait
  $ crm contact show "shared record" --fields title
  id     [a-z0-9]{16} (re)
  title  T150
  $ crm contact show "shared record" --format json --fields tags | grep -c '"t[0-9]*"'
  150

A writer that cannot get the lock in time gives up with exit 4 and names the holder.

  $ exec 9> .crm/lock && flock 9 && echo 4242 >&9
  $ CRM_LOCK_TIMEOUT=0.3 crm contact add --name Blocked
  crm: error: the store is locked by pid 4242 (waited 0 s); try again
  [4]
  $ exec 9>&-
  $ crm contact add --name Unblocked | wc -c
  17
