// Runs the built `koop` binary (KOOP_BINARY_DIR/runner/koop) as a child process with its standard
// output appended to a file, for the crash and concurrency tests.
#pragma once

#include <Poco/File.h>
#include <Poco/Process.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace koop::testing {

inline std::string KoopBinary() { return std::string(KOOP_BINARY_DIR) + "/runner/koop"; }

// `koop --db DB [--config CONFIG] remind --now NOW >> OUT 2>> OUT.err`
inline Poco::ProcessHandle LaunchRemind(const std::string& db, const std::string& now,
                                        const std::string& out, const std::string& config = "") {
  std::vector<std::string> args = {
      "-c",
      "exec \"$0\" --db \"$1\" ${4:+--config \"$4\"} remind --now \"$2\" >>\"$3\" "
      "2>>\"$3.err\"",
      KoopBinary(),
      db,
      now,
      out,
      config};
  return Poco::Process::launch("/bin/sh", args);
}

// Counts "reminder <message-id> to ..." lines of a log-channel output by message id.
inline std::map<std::string, int> CountDeliveries(const std::string& path) {
  std::map<std::string, int> counts;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("reminder <", 0) != 0) continue;
    std::string id = line.substr(9, line.find('>') - 9 + 1);
    ++counts[id];
  }
  return counts;
}

}  // namespace koop::testing
