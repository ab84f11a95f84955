#include "docx/compiled.h"

#include "docx/expression.h"
#include "docx/lexer.h"
#include "docx/loops.h"
#include "docx/package.h"
#include "docx/uncorrupt.h"

namespace koop::docx {
namespace {

void CompileExpressions(std::vector<Tok>* toks, const std::string& part,
                        std::vector<TemplateError>* errors) {
  for (Tok& t : *toks) {
    if (t.kind == TokKind::kValue || t.kind == TokKind::kLoopOpen) {
      std::string shown = "{" + t.value + "}";
      if (t.kind == TokKind::kValue && !t.expr_text.empty() &&
          (t.expr_text[0] == '@' || t.expr_text[0] == '%')) {
        errors->push_back({part, "unsupported_tag", t.value,
                           "tag " + shown + ": raw XML and image tags are not supported"});
        continue;
      }
      auto r = CompileExpr(t.expr_text);
      if (!r.ok()) {
        errors->push_back({part, "scopeparser_compilation_failed", t.value,
                           "tag " + shown + ": " + r.status().message()});
      } else {
        t.expr = *r;
      }
    }
    if (!t.sub.empty()) CompileExpressions(&t.sub, part, errors);
  }
}

// Joins neighbouring literal tokens so rendering appends few, long strings.
void MergeLiterals(std::vector<Tok>* toks) {
  std::vector<Tok> out;
  out.reserve(toks->size());
  for (Tok& t : *toks) {
    bool literal = t.kind == TokKind::kTag || t.kind == TokKind::kContent;
    if (literal && !out.empty() && out.back().kind == TokKind::kContent) {
      out.back().value += t.value;
      continue;
    }
    if (literal) {
      Tok c;
      c.kind = TokKind::kContent;
      c.lindex = t.lindex;
      c.value = std::move(t.value);
      out.push_back(std::move(c));
      continue;
    }
    if (!t.sub.empty()) MergeLiterals(&t.sub);
    out.push_back(std::move(t));
  }
  toks->swap(out);
}

bool HasPlaceholders(const std::vector<Tok>& toks) {
  for (const Tok& t : toks) {
    if (t.kind == TokKind::kValue || t.kind == TokKind::kLoopOpen) return true;
  }
  return false;
}

}  // namespace

std::string FormatErrors(const std::string& label, const std::vector<TemplateError>& errors) {
  std::string out = label + ": " + std::to_string(errors.size()) + " template error" +
                    (errors.size() == 1 ? "" : "s") + ":";
  for (const TemplateError& e : errors) {
    out += "\n  " + e.part + ": ";
    if (!e.tag.empty()) out += "tag \"" + e.tag + "\": ";
    out += e.message + " [" + e.id + "]";
  }
  return out;
}

Result<std::shared_ptr<const CompiledTemplate>> CompileTemplate(const std::string& path) {
  auto zip = ZipArchive::Open(path);
  if (!zip.ok()) return zip.status();
  auto parts = FindTemplatedParts(**zip);
  if (!parts.ok()) return parts.status().WithContext(path);
  auto tmpl = std::make_shared<CompiledTemplate>();
  tmpl->path = path;
  tmpl->zip = *zip;
  std::vector<std::string> names = {parts->main};
  names.insert(names.end(), parts->others.begin(), parts->others.end());
  std::vector<TemplateError> errors;
  for (const std::string& name : names) {
    auto xml = (*zip)->Read(name);
    if (!xml.ok()) return xml.status();
    Status xs = CheckXml(name, *xml);
    if (!xs.ok()) {
      errors.push_back({name, "malformed_xml", "", xs.message()});
      continue;
    }
    CompiledPart part;
    part.name = name;
    part.is_main = name == parts->main;
    std::vector<Tok> toks;
    LexPart(name, *xml, &toks, &errors);
    PartContext ctx;
    ctx.part = name;
    if (part.is_main) ctx.sections = CollectSections(toks);
    bool has_tags = HasPlaceholders(toks);
    toks = PairLoops(std::move(toks), ctx, &errors);
    CompileExpressions(&toks, name, &errors);
    std::string repaired = *xml;
    Uncorrupt(&repaired);
    part.dynamic = has_tags || repaired != *xml;
    part.always_repair = repaired != *xml;
    if (part.dynamic) {
      MergeLiterals(&toks);
      part.toks = std::move(toks);
      part.original = *xml;
    }
    part.sections = std::move(ctx.sections);
    part.size_hint = xml->size() + xml->size() / 4;
    tmpl->parts.push_back(std::move(part));
  }
  if (!errors.empty()) return Status::DataError(FormatErrors(path, errors));
  return std::shared_ptr<const CompiledTemplate>(std::move(tmpl));
}

}  // namespace koop::docx
