On a terminal (here a pseudo-terminal made by script(1)) rm asks and edit
offers to re-open the editor.

  $ cp -r "$STORES/basic" s && cd s
  $ (sleep 0.5; printf 'n\n') | script -qec "stty -echo; crm contact rm kli0" /dev/null | tr -d '\r'
  Remove contact 李小龙 (kli00000000000004)? [y/N] crm: nothing removed
  $ ls contacts | wc -l
  4
  $ (sleep 0.5; printf 'y\n') | script -qec "stty -echo; crm contact rm kli0" /dev/null | tr -d '\r'
  Remove contact 李小龙 (kli00000000000004)? [y/N] 
  $ ls contacts | wc -l
  3
  $ cat > fix-on-second-try.sh <<'SH'
  > #!/bin/sh
  > if grep -q '^email: bad@' "$1"; then sed -i 's/^email: bad@$/email: alan@turing.example/' "$1"; else sed -i 's/^email:.*/email: bad@/' "$1"; fi
  > SH
  $ chmod +x fix-on-second-try.sh
  $ (sleep 0.5; printf 'y\n') | EDITOR=./fix-on-second-try.sh script -qec "stty -echo; crm contact edit alan" /dev/null | tr -d '\r'
  crm: error: .crm/edit/kalan00000000002.yaml:3:8: email: "bad@" is not an email address
  crm: re-open the editor? [y/N] 
  $ grep email: contacts/kalan00000000002.yaml
  email: alan@turing.example
  $ (sleep 0.5; printf 'n\n') | EDITOR="sed -i s/^email:.*/email:\ bad@/" script -qec "stty -echo; crm contact edit alan" /dev/null | tr -d '\r'
  crm: error: .crm/edit/kalan00000000002.yaml:3:8: email: "bad@" is not an email address
  crm: re-open the editor? [y/N] crm: error: edit abandoned; contacts/kalan00000000002.yaml is unchanged; your text is kept in .crm/edit/kalan00000000002.yaml
  $ grep email: contacts/kalan00000000002.yaml
  email: alan@turing.example
