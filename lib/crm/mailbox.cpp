#include "crm/mailbox.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <vector>

#include "crm/atomic_file.hpp"
#include "crm/error.hpp"
#include "crm/text.hpp"

namespace crm {

namespace fs = std::filesystem;

namespace {

// "size\tmtime" of a file, from one stat.
std::string stat_key(const fs::path& p) {
  struct stat st {};
  if (::stat(p.c_str(), &st) != 0) return "";
  return std::to_string(static_cast<long long>(st.st_size)) + "\t" +
         std::to_string(static_cast<long long>(st.st_mtim.tv_sec)) + "." +
         std::to_string(static_cast<long long>(st.st_mtim.tv_nsec));
}

bool is_maildir(const fs::path& dir) {
  std::error_code ec;
  return fs::is_directory(dir / "cur", ec) || fs::is_directory(dir / "new", ec);
}

std::vector<fs::path> sorted_entries(const fs::path& dir, bool dirs) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.empty() || (name[0] == '.' && !dirs)) continue;
    std::error_code ec2;
    if (dirs ? it->is_directory(ec2) : it->is_regular_file(ec2)) out.push_back(it->path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

void read_maildir(const fs::path& dir, const std::string& shown, const MailboxVisitor& visit) {
  for (const char* sub : {"new", "cur"}) {
    for (const fs::path& file : sorted_entries(dir / sub, false)) {
      std::string name = file.filename().string();
      std::string unique = name.substr(0, name.find(':'));  // flags (":2,S") change as mail is read
      std::string key = "maildir\t" + unique + "\t" + stat_key(file);
      if (visit.wanted && !visit.wanted(key)) continue;
      MailItem item;
      item.where = (fs::path(shown) / sub / name).string();
      item.key = std::move(key);
      item.raw = read_file(file, static_cast<size_t>(-1), true);
      visit.message(std::move(item));
    }
  }
}

bool looks_like_mbox(const std::string& text) { return starts_with(text, "From "); }

// A maildir, a Maildir++ root (with .Folder subfolders), or a folder of maildirs.
void read_folder(const fs::path& dir, const std::string& shown, const MailboxVisitor& visit, int depth) {
  if (is_maildir(dir)) {
    read_maildir(dir, shown, visit);
    for (const fs::path& sub : sorted_entries(dir, true)) {
      std::string name = sub.filename().string();
      if (name.size() > 1 && name[0] == '.' && name != ".." && is_maildir(sub))
        read_maildir(sub, (fs::path(shown) / name).string(), visit);
    }
    return;
  }
  bool any = false;
  if (depth < 3)
    for (const fs::path& sub : sorted_entries(dir, true)) {
      std::string name = sub.filename().string();
      if (name[0] == '.') continue;
      if (is_maildir(sub) || depth < 2) {
        bool had = is_maildir(sub);
        if (!had) {
          bool inner = false;
          for (const fs::path& s2 : sorted_entries(sub, true)) inner = inner || is_maildir(s2);
          if (!inner) continue;
        }
        read_folder(sub, (fs::path(shown) / name).string(), visit, depth + 1);
        any = true;
      }
    }
  if (!any && depth == 0) throw UsageError(shown + ": a folder without a maildir (no cur/ or new/ in it)");
}

}  // namespace

void split_mbox(const std::string& text, const std::string& where, const std::string& key,
                const MailboxVisitor& visit) {
  size_t pos = 0, n = 0;
  size_t line_no = 1;
  std::string current;
  size_t current_line = 0;
  bool in_message = false;
  auto flush = [&] {
    if (!in_message) return;
    // The empty line before the next From_ belongs to the mbox, not the message.
    if (ends_with(current, "\n\n")) {
      current.pop_back();
    } else if (ends_with(current, "\r\n\r\n")) {
      current.resize(current.size() - 2);
    }
    MailItem item;
    item.where = where + ", message " + std::to_string(++n) + " (line " + std::to_string(current_line) + ")";
    item.key = key;
    item.raw = std::move(current);
    current.clear();
    visit.message(std::move(item));
  };
  bool previous_blank = true;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    size_t next = end == std::string::npos ? text.size() : end + 1;
    std::string_view line(text.data() + pos, next - pos);
    if (previous_blank && starts_with(line, "From ")) {
      flush();
      in_message = true;
      current_line = line_no + 1;
    } else {
      if (!in_message) {  // text before the first From_: a message of its own
        in_message = true;
        current_line = line_no;
      }
      size_t gt = 0;
      while (gt < line.size() && line[gt] == '>') ++gt;
      if (gt > 0 && line.substr(gt, 5) == "From ") line.remove_prefix(1);
      current.append(line.data(), line.size());
    }
    std::string_view bare = line;
    while (!bare.empty() && (bare.back() == '\n' || bare.back() == '\r')) bare.remove_suffix(1);
    previous_blank = bare.empty();
    pos = next;
    ++line_no;
  }
  flush();
}

void read_mailbox(const std::string& path, const std::string& stdin_text, const MailboxVisitor& visit) {
  if (path == "-") {
    if (looks_like_mbox(stdin_text)) {
      split_mbox(stdin_text, "stdin", "", visit);
    } else {
      MailItem item;
      item.where = "stdin";
      item.raw = stdin_text;
      visit.message(std::move(item));
    }
    return;
  }
  fs::path p(path);
  std::error_code ec;
  fs::file_status st = fs::status(p, ec);
  if (ec || !fs::exists(st)) throw NotFound(path + ": no such file or folder");
  if (fs::is_directory(st)) {
    read_folder(p, path, visit, 0);
    return;
  }
  std::string key = "file\t" + fs::absolute(p).lexically_normal().string() + "\t" + stat_key(p);
  if (visit.wanted && !visit.wanted(key)) return;
  std::string text = read_file(p, static_cast<size_t>(-1), true);
  if (looks_like_mbox(text)) {
    split_mbox(text, path, key, visit);
    return;
  }
  MailItem item;
  item.where = path;
  item.key = key;
  item.raw = std::move(text);
  visit.message(std::move(item));
}

}  // namespace crm
