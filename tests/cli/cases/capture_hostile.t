What an adversarial tester sent `crm capture` (issue 16): numbers past a
double, and inbox files whose names leave no room for the suffixes of
done/ and failed/.

  $ crm init s > /dev/null 2>&1 && cd s

A number too large for a double names its field (exit 3), nothing written:

  $ echo '{"name":"N","email":"n@ex.com","phone":1e400}' | crm capture
  crm: error: stdin: field "phone": a number too large (send it as a string)
  [3]
  $ echo '{"name":"N","email":"n@ex.com","phone":[1, -1e400]}' | crm capture
  crm: error: stdin: field "phone": a number too large (send it as a string)
  [3]
  $ crm -q lead list

Names of 255 bytes (NAME_MAX): kept in done/ and failed/ as their first 200
bytes, '~' and a hash of the whole name, so two of them stay apart and the
suffixes (.1, .error) fit. Every file is processed; the failed one is
reported (exit 3).

  $ mkdir ../inbox
  $ long=$(printf 'a%.0s' $(seq 250))
  $ printf 'name=Ada&email=ada%%40example.com' > ../inbox/${long}1.txt
  $ printf 'name=Bob&email=bob%%40example.com' > ../inbox/${long}2.txt
  $ printf 'name=Nobody' > ../inbox/${long}3.txt
  $ printf 'name=Cy&email=cy%%40example.com' > ../inbox/short.txt
  $ crm capture --inbox ../inbox --format csv > ../out 2> ../err
  [3]
  $ (cut -d, -f1,2,5 ../out; cat ../err) | sed "s/$long/LONG/g"
  file,action,name
  LONG1.txt,created,Ada
  LONG2.txt,created,Bob
  LONG3.txt,failed,
  short.txt,created,Cy
  crm: error: ../inbox/LONG3.txt: field "email": missing (form web requires it)
  crm: 4 files: 3 created, 0 updated, 0 unchanged, 0 dropped, 1 failed
  $ ls ../inbox/done ../inbox/failed | sed "s/$(printf 'a%.0s' $(seq 200))/A200/"
  ../inbox/done:
  A200~[a-z0-9]{8} (re)
  A200~[a-z0-9]{8} (re)
  short.txt
  
  ../inbox/failed:
  A200~[a-z0-9]{8} (re)
  A200~[a-z0-9]{8}.error (re)
  $ ls ../inbox | wc -l
  2

The same long name sent again: beside the first, with .1.

  $ printf 'name=Nobody' > ../inbox/${long}3.txt
  $ crm capture --inbox ../inbox 2>&1 | tail -1
  crm: 1 file: 0 created, 0 updated, 0 unchanged, 0 dropped, 1 failed
  $ ls ../inbox/failed | sed "s/$(printf 'a%.0s' $(seq 200))/A200/"
  A200~[a-z0-9]{8} (re)
  A200~[a-z0-9]{8}.1 (re)
  A200~[a-z0-9]{8}.1.error (re)
  A200~[a-z0-9]{8}.error (re)
  $ crm check
