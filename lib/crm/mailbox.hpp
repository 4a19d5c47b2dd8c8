// Where mail comes from: maildir folders (cur/ and new/), mbox files (From_
// lines, >From unquoted), single .eml files, or one message (or an mbox) on
// stdin. Messages are handed out one at a time, so a large mailbox is never
// held in memory whole.
#pragma once

#include <functional>
#include <string>

namespace crm {

struct MailItem {
  std::string where;  // for messages: "Maildir/cur/1700000000.1.host:2,S", "inbox.mbox, message 3 (line 41)"
  // What identifies this state of the source without reading it: a maildir
  // file's unique name, size and mtime; an mbox or .eml file's path, size and
  // mtime (then the whole file is one key); "" for stdin.
  std::string key;
  std::string raw;  // the message's bytes
};

struct MailboxVisitor {
  // Asked first with each key: false skips the file (a maildir message, or a
  // whole mbox or .eml file) unread.
  std::function<bool(const std::string& key)> wanted;
  std::function<void(MailItem&& item)> message;
};

// Reads `path` ("-": `stdin_text`): a maildir (a folder with cur/ or new/;
// a folder holding maildirs is read folder by folder), an mbox file, or one
// message. Throws NotFound for a path that does not exist, UsageError for a
// folder that holds no maildir.
void read_mailbox(const std::string& path, const std::string& stdin_text, const MailboxVisitor& visit);

// The messages of mbox text: split at "From " lines that follow an empty
// line (or start the text), with ">From " (and ">>From "…) unquoted one level.
void split_mbox(const std::string& text, const std::string& where, const std::string& key, const MailboxVisitor& visit);

}  // namespace crm
