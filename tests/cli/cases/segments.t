Segments: saved, named filters; @NAME in any filter means "matches segment
NAME", evaluated at use.

  $ crm init s > /dev/null 2>&1 && cd s
  $ crm contact add --name Ada --tag vip --set address.city=Berlin > /dev/null
  $ crm contact add --name Bob --tag vip > /dev/null
  $ crm contact add --name Cy --set address.city=Berlin > /dev/null
  $ crm segment add --name vip --type contact --filter "+vip" > /dev/null
  $ crm segment add --name berliners --type contact --filter "address.city=Berlin or name=Bob" > /dev/null
  $ crm contact list @vip --format csv --fields name
  id,name
  [a-z0-9]{16},Ada (re)
  [a-z0-9]{16},Bob (re)

A segment with `or` inside an AND distributes: @vip AND (Berlin OR Bob).

  $ crm contact list @vip @berliners --format csv --fields name
  id,name
  [a-z0-9]{16},Ada (re)
  [a-z0-9]{16},Bob (re)

Segments nest, and are current: a new vip is in at once.

  $ crm segment add --name vip_berlin --type contact --filter "@vip address.city=Berlin" > /dev/null
  $ crm contact set cy --tag vip && crm contact list @vip_berlin --format csv --fields name
  id,name
  [a-z0-9]{16},Ada (re)
  [a-z0-9]{16},Cy (re)
  $ crm export json --type contact @vip_berlin | grep -c '"name"'
  2

Mistakes are refused with what would be right.

  $ crm contact list @vipp
  crm: error: no segment @vipp; did you mean "@vip"? (segments: @berliners, @vip, @vip_berlin)
  [2]
  $ crm deal list @vip
  crm: error: segment @vip selects contact records, not deal records
  [2]
  $ crm segment add --name loop --type contact --filter "@loop"
  crm: error: segment @loop refers to itself: @loop → @loop
  [2]
  $ crm segment add --name vip --type contact --filter "+x"
  crm: error: segment @vip exists \([a-z0-9]{16}\); segment names are unique (re)
  [4]
  $ crm segment add --name "two words" --type contact --filter "+x"
  crm: error: segment name "two words" is not a word (letters, digits, _ and -): it is written @NAME in filters
  [2]
  $ crm segment add --name badf --type contact --filter "nofield=3" 2>&1 | cut -c1-47
  crm: error: unknown field "nofield" for contact
  $ crm segment list -q | wc -l
  3

`segment list` shows each segment's current count: what `@name` selects
now (vip: Ada, Bob and Cy; berliners: Ada, Cy and Bob by name; vip_berlin:
Ada and Cy), in every format, usable in a filter and --sort. A segment may
use the customer value fields (none has bought: nobody's revenue is > 0).

  $ crm segment add --name buyers --type contact --filter "revenue>0" > /dev/null
  $ crm segment list
  ID    NAME        OF       FILTER                           COUNT
  [a-z0-9]{4}  berliners   contact  address.city=Berlin or name=Bob      3 (re)
  [a-z0-9]{4}  buyers      contact  revenue>0                            0 (re)
  [a-z0-9]{4}  vip         contact  \+vip                                 3 (re)
  [a-z0-9]{4}  vip_berlin  contact  @vip address.city=Berlin             2 (re)
  $ crm order add --contact Bob --line "Kit @5" > /dev/null && crm segment list count\>0 --sort count,name --fields name,count --format csv
  id,name,count
  [a-z0-9]{16},buyers,1 (re)
  [a-z0-9]{16},vip_berlin,2 (re)
  [a-z0-9]{16},berliners,3 (re)
  [a-z0-9]{16},vip,3 (re)
  $ crm segment list --format json --fields name,count | grep -c '"count": [0-9]'
  4

A segment another names (@vip in vip_berlin's filter) is not removed
unless forced: it would leave that filter naming nothing.

  $ crm segment rm vip --yes
  crm: error: segment @vip is used by segment @vip_berlin; change those first, or use --force to remove it and leave them naming nothing
  [4]

A segment whose filter no longer works (the segment it names is gone) is
listed without a count, and says why.

  $ crm segment rm vip --yes --force > /dev/null 2>&1; crm segment list --fields name,count
  crm: segment @vip_berlin: no segment @vip; did you mean "@vip_berlin"? (segments: @berliners, @buyers, @vip_berlin) (no count)
  ID    NAME        COUNT
  [a-z0-9]{4}  berliners       3 (re)
  [a-z0-9]{4}  buyers          1 (re)
  [a-z0-9]{4}  vip_berlin (re)
