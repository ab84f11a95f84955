// Status and Result<T>: how the engine reports expected failures (bad input, missing files, I/O).
// A Status carries a code that maps one-to-one onto the runner's exit codes (DESIGN.md §9) and a
// message that names the place ("case.xml:14:7: unknown target 'ggk2'"). Programmer errors are
// assertions, not Statuses. Both types are cheap to move and safe to copy.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace koop {

// Values equal Poco::Util::Application::ExitCode (sysexits.h) so the runner can return them as-is.
enum class Code {
  kOk = 0,
  kUsage = 64,      // wrong command line
  kDataError = 65,  // invalid template, workflow, rule or data; the message says where
  kNoInput = 66,    // an input file or instance that does not exist
  kInternal = 70,   // a bug or an unimplemented feature
  kIoError = 74,    // could not read or write a file or the database
  kTempFail = 75,   // a conflict with a concurrent writer (lock timeout, race): try again
};

class [[nodiscard]] Status {
 public:
  Status() = default;  // ok
  static Status Ok() { return Status(); }
  static Status Usage(std::string msg) { return Status(Code::kUsage, std::move(msg)); }
  static Status DataError(std::string msg) { return Status(Code::kDataError, std::move(msg)); }
  static Status NoInput(std::string msg) { return Status(Code::kNoInput, std::move(msg)); }
  static Status Internal(std::string msg) { return Status(Code::kInternal, std::move(msg)); }
  static Status IoError(std::string msg) { return Status(Code::kIoError, std::move(msg)); }
  static Status TempFail(std::string msg) { return Status(Code::kTempFail, std::move(msg)); }

  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  int exit_code() const { return static_cast<int>(code_); }
  const std::string& message() const { return message_; }

  // Returns a copy whose message is "prefix: message" (adds context on the way up).
  Status WithContext(const std::string& prefix) const {
    return ok() ? *this : Status(code_, prefix + ": " + message_);
  }

 private:
  Code code_ = Code::kOk;
  std::string message_;
};

// Either a value or a failed Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}          // NOLINT: implicit on purpose
  Result(Status status) : status_(std::move(status)) {}  // NOLINT: implicit on purpose

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace koop

// Propagates a failed Status: KOOP_RETURN_IF_ERROR(store.Put(x));
#define KOOP_RETURN_IF_ERROR(expr)               \
  do {                                           \
    ::koop::Status koop_status_ = (expr);        \
    if (!koop_status_.ok()) return koop_status_; \
  } while (0)
