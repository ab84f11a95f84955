// How `koop` writes log lines to standard error. On a terminal or in a file: an ISO timestamp, the
// priority, the source, the context id (koop/log_context.h) and the text. Under systemd, when
// standard error is the journal (JOURNAL_STREAM set): the `<N>` syslog priority prefix the journal
// reads, and no timestamp (the journal keeps its own).
#pragma once

#include <Poco/Formatter.h>

namespace koop::runner {

class LogFormatter : public Poco::Formatter {
 public:
  explicit LogFormatter(bool journal) : journal_(journal) {}
  void format(const Poco::Message& msg, std::string& text) override;

 private:
  bool journal_;
};

}  // namespace koop::runner
