Names match as people type them: accents, case and width folded (utf8proc),
a part of a CJK name, a stroke letter typed without its stroke.

  $ crm init s 2>/dev/null && cd s
  $ for n in "Café de Flore" "Zoë Ødegård" "山田太郎" "Łukasz Wójcik" "Straße GmbH"; do crm contact add --name "$n" > /dev/null; done
  $ crm contact list name~cafe --fields name
  ID    NAME
  [a-z0-9]{4}  Café de Flore (re)
  $ crm contact list name~ZOE --fields name
  ID    NAME
  [a-z0-9]{4}  Zoë Ødegård (re)
  $ crm contact list name~odegard --fields name | tail -1
  [a-z0-9]{4}  Zoë Ødegård (re)
  $ crm contact list 太郎 --fields name | tail -1
  [a-z0-9]{4}  山田太郎 (re)
  $ crm contact list name~lukasz --fields name | tail -1
  [a-z0-9]{4}  Łukasz Wójcik (re)
  $ crm contact list name~strasse --fields name | tail -1
  [a-z0-9]{4}  Straße GmbH (re)
  $ crm contact show "zoe ødegård" --fields name | tail -1
  name  Zoë Ødegård
  $ crm log call wojcik "talked" > /dev/null && crm -q activity list | wc -l
  1

Sorting follows the folded form: Łukasz sorts with the L's, not after Z.

  $ crm contact add --name "Mia" > /dev/null && crm contact list --sort name --fields name | cut -c7-
  NAME
  Café de Flore
  Łukasz Wójcik
  Mia
  Straße GmbH
  Zoë Ødegård
  山田太郎

Names written "Last, First" (as Outlook exports them) resolve whole in crm
log, --for and --with; a comma between two names still makes two.

  $ crm contact add --name "Lovelace, Ada" > /dev/null && crm contact add --name "Grace Hopper" > /dev/null
  $ crm log call "Lovelace, Ada" "talked pricing" > /dev/null && crm task add --title Call --for "Lovelace, Ada" > /dev/null
  $ crm activity add --kind note --summary three --set 'with=["Lovelace, Ada", Grace Hopper]' > /dev/null
  $ crm activity add --kind note --summary both --with "Grace Hopper, Mia" > /dev/null && crm contact show "Lovelace, Ada" --format json | grep -c '"summary"'
  2
