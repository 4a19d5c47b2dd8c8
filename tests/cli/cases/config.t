crm config get|set|unset|list reads and changes .crm/config.yaml in place:
comments and order stay, a value is validated before anything is written,
and an unknown setting names the closest.

  $ crm init s 2>/dev/null && cd s
  $ crm config get currency
  USD
  $ crm config set currency EUR && crm config get currency && grep -B1 '^currency' .crm/config.yaml
  EUR
  # The currency of amounts that name none.
  currency: EUR

A setting the file shows commented out is set where it stands.

  $ crm config set timezone Europe/Berlin && grep -B2 '^timezone' .crm/config.yaml
  # The time zone dates and times are typed and shown in (stored as UTC);
  # unset: $TZ, else the system's. An IANA name: Europe/Berlin, America/New_York.
  timezone: Europe/Berlin
  $ cp .crm/config.yaml before && crm config set timezone Mars/Olympus; cmp before .crm/config.yaml && echo unchanged
  crm: error: .crm/config.yaml:.*: timezone: unknown time zone "Mars/Olympus" .* (re)
  unchanged
A value is one line: a newline in it would write a key of its own.

  $ crm config set campaigns.from "$(printf 'Me <me@example.com>\r\nBcc: victim@evil.example')"
  crm: error: "Me <me@example.com>\r\nBcc: victim@evil.example" is not a setting: a value is one line, without control characters
  [2]
  $ grep -c Bcc .crm/config.yaml
  0
  [1]
  $ crm config set curency USD
  crm: error: unknown setting "curency"; did you mean "currency"? (settings: currency, timezone, pipeline, owners, git.autocommit, fields, sla, business_hours, assignment.ticket, gross_margin, churn_after, mail.me, mail.support, mail.keep, mail.new_contacts, mail.ignore, forms, serve.token, serve.rate, scoring, assignment.lead, assignment.deal, campaigns.from, campaigns.unsubscribe)
  [2]
  $ crm config set owners "[ana, ben]" && crm config set git.autocommit true && crm config list | grep -e owners -e git
  owners=[ana, ben]
  git.autocommit=true
  $ crm config set owners "[unclosed"
  crm: error: "\[unclosed" is not a YAML value: .* (re)
  [2]
  $ crm config unset git.autocommit && crm config unset timezone && crm config get timezone
  crm: git.autocommit is on but /.*/s is not in a git repository (re)
  crm: error: timezone is not set in .crm/config.yaml
  [1]
  $ crm --format json config list | head -3
  {
    "version": "1",
    "currency": "EUR",

Outside any store, `default_store` in the user's ~/.config/crm/config.yaml
says which store to use, so that `crm agenda` works anywhere.

  $ cd .. && crm contact list
  crm: error: no crm store here or in any parent folder; make one with: crm init (or use -C DIR, CRM_DIR, or crm config --global set default_store DIR)
  [2]
  $ crm -C s contact add --name Ada > /dev/null && crm config --global set default_store "$PWD/s" && crm contact list --fields name
  ID    NAME
  [a-z0-9]{4}  Ada (re)
  $ cat $HOME/.config/crm/config.yaml
  default_store: /.*/s (re)
  $ crm config --global set default_store ~/nowhere && crm contact list
  crm: error: /.*/.config/crm/config.yaml: default_store /.*/nowhere is not a crm store \(no .crm/ folder\) (re)
  [2]

Settings read only by `crm serve` or a send are checked by `config set`
too (nothing written), and by `crm check` after a hand edit.

  $ crm init $HOME/sv > /dev/null 2>&1 && cd $HOME/sv
  $ crm config set serve.rate abc
  crm: error: .crm/config.yaml:\d+:\d+: serve.rate: "abc" is not a number of posts a minute \(1 or more\) (re)
  [3]
  $ crm config get serve.rate
  crm: error: serve.rate is not set in .crm/config.yaml
  [1]
  $ printf 'serve: {rate: 0}\n' >> .crm/config.yaml && crm check
  .crm/config.yaml:\d+:\d+: serve.rate: "0" is not a number of posts a minute \(1 or more\) (re)
  [3]
