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
  crm: the text of an earlier edit of this record is in .crm/edit/kalan00000000002.yaml.~1~
  crm: error: .crm/edit/kalan00000000002.yaml:1:5: id: cannot be changed; contacts/kalan00000000002.yaml is unchanged; your text is kept in .crm/edit/kalan00000000002.yaml
  [3]
  $ EDITOR="sed -i s/^company:.*/company:\ cnothere00000000/" crm contact edit alan
  crm: the text of an earlier edit of this record is in .crm/edit/kalan00000000002.yaml.~2~
  crm: error: .crm/edit/kalan00000000002.yaml:7:10: company: no company with id cnothere00000000; contacts/kalan00000000002.yaml is unchanged; your text is kept in .crm/edit/kalan00000000002.yaml
  [3]
  $ printf '#!/bin/sh\nprintf "name: [oops\\n" > "$1"\n' > ed-bad.sh && chmod +x ed-bad.sh && EDITOR=./ed-bad.sh crm contact edit alan
  crm: the text of an earlier edit of this record is in .crm/edit/kalan00000000002.yaml.~3~
  crm: error: .crm/edit/kalan00000000002.yaml:2:1: end of sequence flow not found; contacts/kalan00000000002.yaml is unchanged; your text is kept in .crm/edit/kalan00000000002.yaml
  [3]
  $ printf '#!/bin/sh\nprintf "name: A\\nname: B\\nid: kalan00000000002\\n" > "$1"\n' > ed-dup.sh && chmod +x ed-dup.sh && EDITOR=./ed-dup.sh crm contact edit alan
  crm: the text of an earlier edit of this record is in .crm/edit/kalan00000000002.yaml.~4~
  crm: error: .crm/edit/kalan00000000002.yaml:2:1: duplicate key 'name'; contacts/kalan00000000002.yaml is unchanged; your text is kept in .crm/edit/kalan00000000002.yaml
  [3]

An editor that fails, or empties the file, aborts.

  $ EDITOR=false crm contact edit alan
  crm: the text of an earlier edit of this record is in .crm/edit/kalan00000000002.yaml.~5~
  crm: error: edit aborted: the editor "false" failed (status 1); contacts/kalan00000000002.yaml is unchanged; your text is kept in .crm/edit/kalan00000000002.yaml
  [3]
  $ EDITOR="truncate -s 0" crm contact edit alan
  crm: error: edit aborted: the file was emptied; contacts/kalan00000000002.yaml is unchanged
  [3]
  $ cmp before.yaml $f && echo untouched
  untouched

A change made to the record while the editor was open (another command, a
sync) is never overwritten: the edit is refused (exit 4), the other change
stays, and the user's text is kept; a later edit keeps that text too.

  $ cat > ed-race.sh <<'SH'
  > #!/bin/sh
  > crm contact set alan phone=+44-20-7946-0000
  > sed -i 's/^title: .*/title: Cryptanalyst/' "$1"
  > SH
  $ chmod +x ed-race.sh && EDITOR=./ed-race.sh crm contact edit alan
  crm: error: contacts/kalan00000000002.yaml changed while you were editing it (another command, or a sync); it keeps that change; your text is kept in .crm/edit/kalan00000000002.yaml (crm edit again starts from the new version)
  [4]
  $ grep -e ^phone -e ^title $f && grep ^title .crm/edit/kalan00000000002.yaml
  phone: +44-20-7946-0000
  title: Logician
  title: Cryptanalyst
  $ EDITOR=true crm contact edit alan
  crm: the text of an earlier edit of this record is in .crm/edit/kalan00000000002.yaml.~6~
  crm: no changes to contacts/kalan00000000002.yaml
  $ grep -h ^title .crm/edit/*
  title: Logician
  title: Logician
  title: Logician
  title: Cryptanalyst
