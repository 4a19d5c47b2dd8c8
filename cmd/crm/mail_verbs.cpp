// Mail in: `crm mail import`.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <iterator>

#include "app.hpp"
#include "crm/error.hpp"
#include "crm/mail_import.hpp"

namespace crm::cli {

int cmd_mail_import(Context& ctx, const std::vector<std::string>& paths) {
  Store& store = ctx.store();
  std::string stdin_text;
  if (std::find(paths.begin(), paths.end(), "-") != paths.end())
    stdin_text = std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  Writer writer = store.lock();
  MailImportResult result = import_mail(writer, paths, stdin_text);
  // json/yaml: the result; ids: the activities written; a table says nothing
  // on stdout (the summary and the problems go to stderr), as `crm import`.
  Table t;
  t.document = true;
  t.single = t.single_yaml = true;
  t.objects.push_back(mail_import_object(result));
  t.id_lines = result.activity_ids;
  t.text = [](const OutputOptions&) { return std::string(); };
  ctx.out(render(t, ctx.output()));
  for (const auto& p : result.problems) ctx.report(InvalidData(Location{}, p.where + ": " + p.reason));
  std::fflush(stdout);
  std::string summary = mail_import_summary(result) + "\n";
  std::fwrite(summary.data(), 1, summary.size(), stderr);
  return result.failed > 0 ? kExitInvalid : 0;
}

}  // namespace crm::cli
