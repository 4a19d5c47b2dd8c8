The documents' story (product.md, Part two): a customer fills in the contact
form on the website — their details are saved automatically, a sales rep is
assigned, a follow-up task is created, every communication is tracked. It
runs on the sample store (examples/): its config has the form
(`forms: contact-us`), its `.crm/rules.yaml` the rules.

  $ cp -r $TESTDIR/../../../examples shop && cd shop
  $ crm rules list
  NAME        ON               IF                                   DO
  web-lead    lead.create      source=web                           assign, task, log
  quiet-deal  schedule (deal)  stage!=won stage!=lost updated<-14d  task

The website posts the form (here on stdin; `crm serve` takes the same as
POST /capture/contact-us). The lead is saved, the rule `web-lead` assigns it
to the next rep in turn, makes the follow-up call due tomorrow and logs it.

  $ printf 'name=Marie+Curie&email=marie%%40radium.example&company=Radium+Institute&message=Could+you+send+a+quote+for+ten+seats%%3F&website=' | crm capture
  ACTION   TYPE  ID                NAME         ACTIVITY
  created  lead  w6thtvx4kemk6zgh  Marie Curie  fnha7qt2cmrfkag1
  crm: rule web-lead on lead w6thtvx4kemk6zgh: task arvhbffe1yqf329h "Call Marie Curie about their enquiry" due 2026-11-24
  crm: rule web-lead on lead w6thtvx4kemk6zgh: log note f64w21zendz4rd6t "Web lead Marie Curie assigned to alex"
  crm: rule web-lead on lead w6thtvx4kemk6zgh: assign alex
  $ crm lead show marie
  id            w6thtvx4kemk6zgh
  name          Marie Curie
  email         marie@radium.example
  company_name  Radium Institute
  source        web
  status        new
  owner         alex
  tags          website
  notes         Could you send a quote for ten seats?
  created       2026-11-23 09:00
  updated       2026-11-23 09:00
  
  Tasks (1)
  ID    TITLE                                 DUE         STATUS  PRIORITY  RELATED
  arvh  Call Marie Curie about their enquiry  2026-11-24  open    high      Marie Curie
  
  Activities (2)
  ID    AT                KIND  WITH         SUMMARY
  f64w  2026-11-23 09:00  note  Marie Curie  Web lead Marie Curie assigned to alex
  fnha  2026-11-23 09:00  form  Marie Curie  Web form contact-us
  $ crm agenda --owner alex | sed -n '/^Tasks due/,/^$/p'
  Tasks due in the next 7 days (2)
  ID    DATE              WHAT                                         DETAIL
  arvh  2026-11-24        Call Marie Curie about their enquiry         Marie Curie
  npp2  2026-11-24 08:00  Negotiation call with Mr Li on the EU pilot  李小龙, 龙腾科技 – EU office pilot
  

She writes again the next day: the message is tracked with her lead, which
is not made twice, nor is her follow-up task.

  $ printf 'name=Marie+Curie&email=MARIE%%40radium.example&phone=%%2B33+1+23+45+67+89&message=Also+training%%3F' | CRM_TODAY=2026-11-24 CRM_NOW=2026-11-24T10:00:00Z crm capture
  ACTION   TYPE  ID                NAME         ACTIVITY
  updated  lead  w6thtvx4kemk6zgh  Marie Curie  brc0aqzq98m7kyy2
  $ crm lead show marie | sed -n '/^phone/p;/^Activities/,$p'
  phone         +33 1 23 45 67 89
  Activities (3)
  ID    AT                KIND  WITH         SUMMARY
  brc0  2026-11-24 10:00  form  Marie Curie  Web form contact-us
  f64w  2026-11-23 09:00  note  Marie Curie  Web lead Marie Curie assigned to alex
  fnha  2026-11-23 09:00  form  Marie Curie  Web form contact-us
  $ crm -q lead list name~curie | wc -l; crm -q task list title~curie | wc -l
  1
  1

The next web lead goes to the next rep; a bot filling the hidden field is
dropped without a word.

  $ printf 'name=Pierre+Curie&email=pierre%%40radium.example' | crm capture > /dev/null 2>&1
  $ printf 'name=Spam&email=spam%%40bot.example&website=http%%3A%%2F%%2Fspam.example' | crm capture
  $ crm lead list name~curie --sort name --fields name,owner
  ID    NAME          OWNER
  w6th  Marie Curie   alex
  gzgv  Pierre Curie  kim

Every morning cron runs the schedule rules: a deal nobody touched for 14
days gets a task to chase it, once.

  $ crm rules run 2>/dev/null | head -3
  RULE        TYPE  RECORD            ACTION
  quiet-deal  deal  apqg5fxf63xnn7hk  task jqk35bgk7gppmaqe "Chase Kierkegaard & Søn – Danish edition co-marketing: no news for 14 days" due 2026-11-24
  quiet-deal  deal  at4v7p9qaxneg94k  task jrqd5xzf9p80j8z7 "Chase Café Olé – loyalty-card integration: no news for 14 days" due 2026-11-24
  $ crm rules run
  $ crm check
