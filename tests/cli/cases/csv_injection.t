CSV formula injection (issue 10 item 9). A cell that starts with = + - @,
a tab or a CR is run as a formula by spreadsheets; every csv and tsv writer
(list, show, report, the dashboard, agenda, dedupe, lead convert, export)
writes it with a leading apostrophe. Plain numbers ("-5", "+3.75") are data
and stay as they are, so a negative amount is still a number. --raw (a
global option; export has its own too) writes every cell as it is.

  $ crm init s > /dev/null 2>&1 && cd s
  $ crm contact add --name '=HYPERLINK("http://evil.example","click")' --phone '+44 20 7946 0000' --email dup@example.com --set owner=@boss --set follow_up=today > /dev/null
  $ crm contact add --name '=hyperlink("http://evil.example","click")' --email dup@example.com > /dev/null
  $ crm deal add --name '-2+3+cmd|" /C calc"!A0' --amount -5 --owner @boss --close-date yesterday > /dev/null
  $ crm deal list --format csv --fields name,amount,owner
  id,name,amount,owner
  [a-z0-9]{16},"'-2\+3\+cmd\|"" /C calc""!A0",-5,'@boss (re)
  $ crm deal list --format tsv --fields name,amount,owner
  id	name	amount	owner
  [a-z0-9]{16}	'-2\+3\+cmd\|" /C calc"!A0	-5	'@boss (re)
  $ crm contact list --format csv --fields name,phone,owner --sort phone:desc
  id,name,phone,owner
  [a-z0-9]{16},"'=HYPERLINK\(""http://evil.example"",""click""\)",'\+44 20 7946 0000,'@boss (re)
  [a-z0-9]{16},"'=hyperlink\(""http://evil.example"",""click""\)",, (re)
  $ crm deal show $(crm deal list -q) --format tsv --fields name
  id	name
  [a-z0-9]{16}	'-2\+3\+cmd\|" /C calc"!A0 (re)

--raw, before or after the command, turns it off:

  $ crm --raw deal list --format csv --fields name,amount,owner
  id,name,amount,owner
  [a-z0-9]{16},"-2\+3\+cmd\|"" /C calc""!A0",-5,@boss (re)
  $ crm deal list --format tsv --fields name,owner --raw
  id	name	owner
  [a-z0-9]{16}	-2\+3\+cmd\|" /C calc"!A0	@boss (re)

Reports, the dashboard and the agenda:

  $ crm report pipeline --format csv --owner @boss | head -2
  stage,currency,probability,count,amount,weighted,total
  qualification,USD,10,1,-5,-0.5,false
  $ CRM_TODAY=2027-01-01 CRM_NOW=2027-01-01T00:00:00Z crm report stale --format tsv | cut -f1,2,4
  id	name	owner
  [a-z0-9]{16}	'-2\+3\+cmd\|" /C calc"!A0	'@boss (re)
  $ crm agenda --format tsv | cut -f1,2,5,7
  section	type	title	owner
  follow-up	contact	'=HYPERLINK("http://evil.example","click")	'@boss
  closing	deal	'-2+3+cmd|" /C calc"!A0	'@boss
  $ crm agenda --format tsv --raw | cut -f1,5,7
  section	title	owner
  follow-up	=HYPERLINK("http://evil.example","click")	@boss
  closing	-2+3+cmd|" /C calc"!A0	@boss

A currency is a code, so a formula cannot come in that way: the config
refuses it at its line.

  $ sed -i 's/^currency: USD$/currency: "=USD"/' .crm/config.yaml
  $ crm report --format csv | head -3
  crm: error: .crm/config.yaml:4:11: currency: "=USD" is not a currency code (three capital letters, ISO 4217: USD, EUR)
  $ sed -i 's/^currency: "=USD"$/currency: USD/' .crm/config.yaml

dedupe and lead convert:

  $ crm dedupe --format tsv | cut -f1,3 | sort
  1	'=HYPERLINK("http://evil.example","click")
  1	'=hyperlink("http://evil.example","click")
  group	name
  $ crm lead add --name '@SUM(1+1)*cmd' > /dev/null
  $ crm lead convert $(crm lead list -q) --format tsv | cut -f1-3
  type	action	name
  contact	created	'@SUM(1+1)*cmd

export keeps its behaviour, and takes the global --raw too:

  $ crm export csv --type deal | cut -d, -f2
  name
  "'-2+3+cmd|"" /C calc""!A0"
  $ crm --raw export csv --type deal | cut -d, -f2
  name
  "-2+3+cmd|"" /C calc""!A0"
