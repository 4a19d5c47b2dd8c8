// The verbs of orders: pay, refund, cancel; `deal won --order`, which
// records the purchase a won deal is.
#include "app.hpp"
#include "crm/deal_workflow.hpp"
#include "crm/error.hpp"
#include "crm/ids.hpp"
#include "crm/mutt_query.hpp"
#include "crm/order_workflow.hpp"
#include "crm/workflow.hpp"

namespace crm::cli {

int cmd_order_status(Context& ctx, const std::string& key, const std::string& status) {
  Store& store = ctx.store();
  const Schema& s = store.schemas().get("order");
  Writer writer = store.lock();
  Record order = store.load(s, store.resolve(s, key));
  std::string now = order.get("status");
  if (now == status) {
    ctx.note("order " + order.get("number") + " is already " + status);
    return 0;
  }
  if (now == "canceled" || now == "refunded")
    throw Conflict("order " + order.get("number") + " is " + now + "; it cannot become " + status + " (crm order set " +
                   order.get("number") + " status=… if that is really what happened)");
  if (status == "refunded" && now != "paid" && now != "fulfilled")
    throw Conflict("order " + order.get("number") + " is " + now + ", not paid: nothing to refund (cancel it instead)");
  const Record before = order;
  order.data.set("status", Node::scalar(status));
  for (const std::string& note : write_with_effects(writer, order, &before, false).notes) ctx.note(note);
  return 0;
}

int cmd_mutt_query(Context& ctx, const std::string& query) {
  size_t n = 0;
  ctx.out(mutt_query(ctx.store(), query, &n));
  return n ? 0 : 1;
}

int cmd_deal_won_order(Context& ctx, const std::string& key) {
  Store& store = ctx.store();
  const Schema& deals = store.schemas().get("deal");
  const Schema& orders = store.schemas().get("order");
  std::string deal_id = store.resolve(deals, key);
  {
    Record deal = store.load(deals, deal_id);
    if (deal.get("amount").empty())
      throw UsageError("deal " + deal.get("name") + " has no amount: set it (crm deal set " + deal_id.substr(0, 4) +
                       " amount=…) to record its order");
  }
  int status = cmd_deal_close(ctx, deal_id, "won", "");
  if (status) return status;
  Writer writer = store.lock();
  Record deal = store.load(deals, deal_id);
  // One order per deal, its id derived from the deal: a second `won --order`
  // (or a re-run after a kill) finds it instead of making another.
  std::string id = derived_id("deal-order:" + deal_id);
  if (store.exists(orders, id)) {
    ctx.note("deal " + deal.get("name") + " already has its order (" + id + ")");
    ctx.out(id + "\n");
    return 0;
  }
  Record order;
  order.type = "order";
  order.data.set("id", Node::scalar(id));
  if (const Node* c = deal.data.find("contacts"); c && !c->items.empty())
    order.data.set("contact", Node::scalar(c->items.front().text));
  if (!deal.get("company").empty()) order.data.set("company", Node::scalar(deal.get("company")));
  order.data.set("date", Node::scalar(format_date(store.clock().today), true));
  order.data.set("status", Node::scalar("placed"));
  if (!deal.get("currency").empty()) order.data.set("currency", Node::scalar(deal.get("currency")));
  Node line = Node::map();
  line.set("description", Node::scalar(deal.get("name")));
  line.set("quantity", Node::scalar("1", true));
  line.set("unit_price", Node::scalar(deal.get("amount"), true));
  order.data.set("lines", Node::sequence({line}));
  order.data.set("source", Node::scalar("deal"));
  order.data.set("deal", Node::scalar(deal_id));
  for (const std::string& note : write_with_effects(writer, order, nullptr, true).notes) ctx.note(note);
  ctx.out(id + "\n");
  return 0;
}

}  // namespace crm::cli
