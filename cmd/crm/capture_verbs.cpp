// Web forms in: `crm capture` (one submission on stdin, or --inbox DIR).
#include <cstdio>
#include <iostream>
#include <map>

#include "app.hpp"
#include "crm/capture.hpp"
#include "crm/error.hpp"

namespace crm::cli {

namespace {

// At most kMaxFormBody + 1 bytes: enough to know the body is too long.
std::string read_stdin_capped() {
  std::string text;
  char buf[65536];
  while (text.size() <= kMaxFormBody && std::cin.read(buf, sizeof buf).gcount() > 0)
    text.append(buf, static_cast<size_t>(std::cin.gcount()));
  return text;
}

}  // namespace

Table capture_table(const std::vector<CaptureResult>& results, bool inbox) {
  Table t;
  if (inbox) t.columns.push_back({"file", "", ColumnType::Text, 0, 0});
  t.columns.push_back({"action", "", ColumnType::Word, 0, 0});
  t.columns.push_back({"type", "", ColumnType::Word, 0, 0});
  t.columns.push_back({"id", "", ColumnType::Word, 0, 0});
  t.columns.push_back({"name", "", ColumnType::Text, 0, 0});
  t.columns.push_back({"activity", "", ColumnType::Word, 2, 0});
  if (inbox) t.columns.push_back({"error", "", ColumnType::Text, 0, 0});
  auto text = [](const std::string& s) { return s.empty() ? Cell::none() : Cell::of(s); };
  for (const CaptureResult& r : results) {
    Row row;
    if (inbox) row.cells.push_back(Cell::of(r.file));
    row.cells.push_back(Cell::of(r.action));
    row.cells.push_back(text(r.type));
    row.cells.push_back(text(r.id));
    row.cells.push_back(text(r.name));
    row.cells.push_back(text(r.activity));
    if (inbox) row.cells.push_back(text(r.error));
    if (r.action == "failed") row.tone = Tone::Bad;
    if (r.action == "dropped" || r.action == "unchanged") row.tone = Tone::Dim;
    t.rows.push_back(std::move(row));
    if (!r.id.empty()) t.id_lines.push_back(r.id);
  }
  if (t.id_lines.empty()) t.id_lines.push_back("");
  return t;
}

int cmd_capture(Context& ctx, const CaptureCliOptions& o) {
  Store& store = ctx.store();
  std::vector<Form> forms = store_forms(store);
  BodyKind kind = body_kind(o.content_type);
  if (!o.inbox.empty()) {
    std::vector<CaptureResult> results;
    {
      Writer writer = store.lock();
      results = capture_inbox(writer, forms, o.form, kind, o.inbox);
    }
    Table t = capture_table(results, true);
    if (results.empty()) t.id_lines.clear();
    t.empty_note = "no files in " + o.inbox;
    ctx.out(render(t, ctx.output()));
    size_t failed = 0;
    std::map<std::string, size_t> counts;
    for (const CaptureResult& r : results) {
      ++counts[r.action];
      if (r.action == "failed") {
        ++failed;
        ctx.note("error: " + r.error);
      }
    }
    std::string summary = std::to_string(results.size()) + (results.size() == 1 ? " file" : " files");
    for (const char* a : {"created", "updated", "unchanged", "dropped", "failed"})
      summary += std::string(a == std::string("created") ? ": " : ", ") + std::to_string(counts[a]) + " " + a;
    ctx.note(summary);
    return failed ? kExitInvalid : 0;
  }
  const Form& form = choose_form(forms, o.form);
  std::string text = read_stdin_capped();
  FormBody body = parse_form_body(text, kind, "stdin");
  CaptureResult result;
  {
    Writer writer = store.lock();
    result = capture(writer, form, body, "stdin");
  }
  if (result.action == "dropped") {
    if (o.verbose) ctx.note("dropped: the honeypot field \"" + form.honeypot + "\" is filled in (nothing written)");
    return 0;
  }
  if (o.verbose)
    ctx.note(result.action + " " + result.type + " " + result.name + " (" + result.id + "), activity " +
             result.activity);
  ctx.out(render(capture_table({result}, false), ctx.output()));
  return 0;
}

}  // namespace crm::cli
