// Fuzzes a template part from XML text to rendered XML: the lexer, loop pairing, expression
// compilation and the renderer (with --blanks, so missing values do not stop it early). The
// container (zip, libxml2's well-formedness check) is left out: the part's text is the input.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "docx/compiled.h"
#include "docx/data.h"
#include "docx/expression.h"
#include "docx/lexer.h"
#include "docx/loops.h"
#include "docx/renderer.h"

namespace {

bool CompileAll(std::vector<koop::docx::Tok>* toks) {
  for (koop::docx::Tok& t : *toks) {
    if (t.kind == koop::docx::TokKind::kValue || t.kind == koop::docx::TokKind::kLoopOpen) {
      auto e = koop::docx::CompileExpr(t.expr_text);
      if (!e.ok()) return false;
      t.expr = *e;
    }
    if (!CompileAll(&t.sub)) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  std::string xml(reinterpret_cast<const char*>(bytes), size);
  const std::string part = "word/document.xml";
  std::vector<koop::docx::Tok> toks;
  std::vector<koop::docx::TemplateError> errors;
  koop::docx::LexPart(part, xml, &toks, &errors);
  if (!errors.empty()) return 0;
  koop::docx::PartContext ctx;
  ctx.part = part;
  ctx.sections = koop::docx::CollectSections(toks);
  toks = koop::docx::PairLoops(std::move(toks), ctx, &errors);
  if (!errors.empty() || !CompileAll(&toks)) return 0;

  koop::docx::CompiledTemplate tmpl;
  tmpl.path = "fuzz.docx";
  koop::docx::CompiledPart p;
  p.name = part;
  p.is_main = true;
  p.dynamic = true;
  p.toks = std::move(toks);
  p.sections = std::move(ctx.sections);
  p.original = xml;
  tmpl.parts.push_back(std::move(p));
  static const koop::docx::Data data = [] {
    auto d = koop::docx::ParseJson(
        R"({"a": [{"x": 1}, {"x": 2}, {"x": 3}], "b": {"c": "tekst"}, "t": true, "n": 0})", "seed");
    return std::move(d).value();
  }();
  koop::docx::RenderSettings settings;
  settings.blanks = true;
  std::map<std::string, std::string> out;
  (void)koop::docx::RenderParts(tmpl, data, settings, &out);
  return 0;
}
