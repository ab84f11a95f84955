// RuleLibrary: rule files (rules/*.js, one function per file) compiled once into a scope of the
// thread's JsHeap and called by name with JSON arguments, under the heap's time and memory
// limits. Used by `koop validate` (compile check) and by callers that evaluate rules outside a
// statechart (checks, computed dates); inside a chart the same files come in via
// <script src>. Errors name the rule file and line. Not thread-safe (one heap per thread).
#pragma once

#include <map>
#include <memory>
#include <string>

#include "koop/clock.h"
#include "koop/status.h"
#include "rules/js_heap.h"

namespace koop::rules {

// Compiles `path` without running it; "path:line:1: SyntaxError: ..." on failure.
Status CheckRuleFile(const std::string& path);

class RuleLibrary {
 public:
  explicit RuleLibrary(JsHeap& heap);
  ~RuleLibrary();
  RuleLibrary(const RuleLibrary&) = delete;
  RuleLibrary& operator=(const RuleLibrary&) = delete;

  // Loads a rule file: its top-level functions become callable.
  Status LoadFile(const std::string& path);
  Status LoadSource(const std::string& source, const std::string& name);
  // Calls function `name` with the arguments of the JSON array `args_json`; "now" (Date) is
  // `now`. Returns the result as JSON ("null" for undefined).
  Result<std::string> Call(const std::string& name, const std::string& args_json, TimeMs now);

 private:
  JsHeap& heap_;
  int scope_;
  std::map<std::string, std::string> files_;  // function name -> rule file
};

}  // namespace koop::rules
