Killing crm with SIGKILL in the middle of a multi-record write (removing a
company with --force first unlinks its 300 contacts, then removes it) leaves
every record file complete and valid and no dangling reference; temp files a
killed writer leaves are never read as records and go at the next write.

  $ crm init t 2>/dev/null && co=$(crm -C t company add --name Doomed)
  $ for i in $(seq 300); do crm -C t contact add --name "P $i" --company "$co" > /dev/null; done
  $ midway=0
  $ for round in $(seq 20); do
  >   rm -rf s && cp -r t s
  >   crm -C s company rm "$co" --yes --force 2> /dev/null & pid=$!
  >   # kill once the unlinking has begun (however fast or slow this build is), a random moment later
  >   while kill -0 $pid 2> /dev/null && grep -q "^company: $co" s/contacts/*.yaml && [ -z "$(grep -L "^company: $co" s/contacts/*.yaml | head -1)" ]; do :; done
  >   sleep "0.0$((RANDOM % 10))"; kill -9 $pid 2> /dev/null; wait $pid 2> /dev/null
  >   out=$(crm -C s check) || echo "round $round: crm check failed: $out"
  >   linked=$(crm -C s -q contact list company="$co" | wc -l)
  >   [ -e "s/companies/$co.yaml" ] || [ "$linked" = 0 ] || echo "round $round: dangling references"
  >   [ "$linked" -gt 0 ] && [ "$linked" -lt 300 ] && midway=$((midway + 1))
  >   crm -C s contact add --name After > /dev/null && [ -z "$(ls -A s/contacts | grep -F .tmp-)" ] || echo "round $round: temp files left"
  > done
  $ [ "$midway" -gt 0 ] && echo "some kills landed mid-way"
  some kills landed mid-way

A temp file is ignored by readers; the next writer finds that the lock's
last holder died (its pid is still in .crm/lock, as a killed writer leaves it)
and removes the temp files.

  $ crm init u 2> /dev/null && crm -C u contact add --name First > /dev/null
  $ printf 'id: kpartial00000001\nna' > u/contacts/.kpartial00000001.yaml.tmp-abcd && crm -C u check && echo ignored
  ignored
  $ printf '99999\n' > u/.crm/lock && crm -C u contact add --name Next > /dev/null && ls -A u/contacts | grep -cF .tmp-
  0
  [1]
  $ wc -c < u/.crm/lock
  0
