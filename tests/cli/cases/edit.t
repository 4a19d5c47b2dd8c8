edit opens $VISUAL/$EDITOR on the record's YAML and validates on save.

  $ cp -r "$STORES/basic" s && cd s
  $ f=contacts/kalan00000000002.yaml
  $ cat > ed-title.sh <<'SH'
  > #!/bin/sh
  > sed -i 's/^name: Alan Turing$/name: Alan Turing\ntitle: Mathematician/' "$1"
  > SH
  $ chmod +x ed-title.sh && cp $f before.yaml
  $ EDITOR=./ed-title.sh crm contact edit alan
  $ diff before.yaml $f
  5a6
  > title: Mathematician
  14c15
  < updated: 2026-01-15T10:00:00Z
  ---
  > updated: 2026-11-23T09:00:00Z
  [1]

VISUAL wins over EDITOR; an editor command may carry arguments.

  $ VISUAL="sed -i s/Mathematician/Logician/" EDITOR=false crm contact edit alan && grep title $f
  title: Logician

Saving the file unchanged writes nothing.

  $ cp $f before.yaml && EDITOR=true crm contact edit alan && cmp before.yaml $f && echo same
  crm: no changes to contacts/kalan00000000002.yaml
  same

Invalid text: exit 3 off a terminal, the record untouched, and the text kept.

  $ EDITOR="sed -i s/^email:.*/email:\ broken@/" crm contact edit alan
  crm: error: .crm/edit/kalan00000000002.yaml:3:8: email: "broken@" is not an email address; contacts/kalan00000000002.yaml is unchanged; your text is kept in .crm/edit/kalan00000000002.yaml
  [3]
  $ cmp before.yaml $f && echo untouched
  untouched
  $ grep email: .crm/edit/kalan00000000002.yaml
  email: broken@
  $ EDITOR="sed -i s/^id:.*/id:\ other00000000000/" crm contact edit alan
  crm: error: .crm/edit/kalan00000000002.yaml:1:5: id: cannot be changed; contacts/kalan00000000002.yaml is unchanged; your text is kept in .crm/edit/kalan00000000002.yaml
  [3]
  $ EDITOR="sed -i s/^company:.*/company:\ cnothere00000000/" crm contact edit alan
  crm: error: .crm/edit/kalan00000000002.yaml:7:10: company: no company with id cnothere00000000; contacts/kalan00000000002.yaml is unchanged; your text is kept in .crm/edit/kalan00000000002.yaml
  [3]
  $ printf '#!/bin/sh\nprintf "name: [oops\\n" > "$1"\n' > ed-bad.sh && chmod +x ed-bad.sh && EDITOR=./ed-bad.sh crm contact edit alan
  crm: error: .crm/edit/kalan00000000002.yaml:2:1: end of sequence flow not found; contacts/kalan00000000002.yaml is unchanged; your text is kept in .crm/edit/kalan00000000002.yaml
  [3]
  $ printf '#!/bin/sh\nprintf "name: A\\nname: B\\nid: kalan00000000002\\n" > "$1"\n' > ed-dup.sh && chmod +x ed-dup.sh && EDITOR=./ed-dup.sh crm contact edit alan
  crm: error: .crm/edit/kalan00000000002.yaml:2:1: duplicate key 'name'; contacts/kalan00000000002.yaml is unchanged; your text is kept in .crm/edit/kalan00000000002.yaml
  [3]

An editor that fails, or empties the file, aborts.

  $ EDITOR=false crm contact edit alan
  crm: error: edit aborted: the editor "false" failed (status 1); contacts/kalan00000000002.yaml is unchanged; your text is kept in .crm/edit/kalan00000000002.yaml
  [3]
  $ EDITOR="truncate -s 0" crm contact edit alan
  crm: error: edit aborted: the file was emptied; contacts/kalan00000000002.yaml is unchanged
  [3]
  $ cmp before.yaml $f && echo untouched
  untouched
