// Fuzzes the rule rewriter that wraps a script body before duktape compiles it.
#include <cstddef>
#include <cstdint>
#include <string>

#include "rules/script_rewrite.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  std::string body(reinterpret_cast<const char*>(bytes), size);
  koop::rules::ScriptDecls decls;
  std::string wrapped = koop::rules::WrapScript(body, &decls);
  (void)wrapped;
  return 0;
}
