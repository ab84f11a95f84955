// Fuzzes the template expression compiler and evaluator: any text must compile or fail with a
// Status, and a compiled expression must evaluate against a small data tree without crashing.
#include <cstddef>
#include <cstdint>
#include <string>

#include "docx/data.h"
#include "docx/expression.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  std::string text(reinterpret_cast<const char*>(bytes), size);
  auto expr = koop::docx::CompileExpr(text);
  if (!expr.ok()) return 0;
  static const koop::docx::Data data = [] {
    auto d = koop::docx::ParseJson(
        R"({"a": {"b": [1, "x", null, {"c": 2.5}]}, "n": 3, "s": "zażółć", "t": true,
            "list": [{"x": 1}, {"x": 2}], "kwota": 12550, "d": "2026-11-23"})",
        "seed");
    return std::move(d).value();
  }();
  koop::docx::Scopes scopes;
  scopes.list.push_back(&data);
  scopes.indexes.push_back(-1);
  std::vector<std::string> errors;
  koop::docx::Val v = koop::docx::Evaluate(**expr, scopes, &errors);
  (void)v.str();
  std::vector<std::string> paths;
  koop::docx::CollectPaths(**expr, &paths);
  return 0;
}
