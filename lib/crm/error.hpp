// The one error hierarchy of the library. cmd/ catches crm::Error in main and
// maps exit_code() to the contract's exit codes; nothing else catches it.
#pragma once

#include <stdexcept>
#include <string>

namespace crm {

enum ExitCode : int {
  kExitOk = 0,
  kExitNotFound = 1,
  kExitUsage = 2,
  kExitInvalid = 3,
  kExitConflict = 4,
};

class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message) : std::runtime_error(message) {}
  virtual int exit_code() const { return kExitInvalid; }
};

// No record for an id, prefix, email or name.
class NotFound : public Error {
 public:
  using Error::Error;
  int exit_code() const override { return kExitNotFound; }
};

// Bad option, unknown field or type, ambiguous id, no store.
class UsageError : public Error {
 public:
  using Error::Error;
  int exit_code() const override { return kExitUsage; }
};

// Where a problem is: "contacts/x.yaml:7:3: email". Any part may be empty/0.
struct Location {
  std::string file;
  int line = 0;
  int column = 0;
  std::string field;

  std::string str() const;  // "file:line:col: field" with the empty parts left out
};

// Input that breaks the schema, or a record file that does not parse.
class InvalidData : public Error {
 public:
  InvalidData(Location where, const std::string& message);
  const Location& where() const { return where_; }
  const std::string& message() const { return message_; }
  int exit_code() const override { return kExitInvalid; }
  // The same error, placed in a file when it had no file yet.
  InvalidData in_file(const std::string& file) const;

 private:
  Location where_;
  std::string message_;
};

// The system refused a read or a write (disk full, I/O error, no permission):
// nothing is wrong with the data. Exit 3 like invalid data — the contract's
// codes are 0–4 and scripts switch on them — but the message says which
// file or stream and why ("cannot write to standard output: No space left on
// device").
class IoError : public Error {
 public:
  using Error::Error;
  int exit_code() const override { return kExitInvalid; }
};

// Lock held too long, conflict markers, concurrent change, a refused removal.
class Conflict : public Error {
 public:
  using Error::Error;
  int exit_code() const override { return kExitConflict; }
};

}  // namespace crm
