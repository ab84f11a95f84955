// koop::DocxTemplate: the public face of the docx concern.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <sstream>

#include "docx/compiled.h"
#include "docx/expression.h"
#include "docx/renderer.h"
#include "koop/docx.h"

namespace koop {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr NewObject() { return new Object(Poco::JSON_PRESERVE_KEY_ORDER); }

Object::Ptr Descend(Object::Ptr tree, const std::string& path) {
  size_t start = 0;
  Object::Ptr cur = tree;
  while (start <= path.size()) {
    size_t dot = path.find('.', start);
    std::string seg =
        path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (!cur->has(seg)) cur->set(seg, NewObject());
    cur = cur->getObject(seg);
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return cur;
}

// Records a dotted path in the tree of variables a template uses.
void AddPath(Object::Ptr tree, const std::string& path) {
  if (path.empty() || path == "." || path == "this" || path == "$index") return;
  Descend(tree, path);
}

Array::Ptr DescribeTags(const std::vector<docx::Tok>& toks, Object::Ptr vars) {
  Array::Ptr out = new Array();
  for (const docx::Tok& t : toks) {
    if (t.kind != docx::TokKind::kValue && t.kind != docx::TokKind::kLoopOpen) continue;
    Object::Ptr o = NewObject();
    std::vector<std::string> paths;
    if (t.expr) docx::CollectPaths(*t.expr, &paths);
    Array::Ptr ps = new Array();
    for (const auto& p : paths) ps->add(p);
    if (t.kind == docx::TokKind::kValue) {
      o->set("type", "value");
      o->set("tag", t.expr_text);
      o->set("paths", ps);
      for (const auto& p : paths) AddPath(vars, p);
    } else {
      o->set("type", t.inverted ? "inverted" : "loop");
      o->set("tag", t.expr_text);
      o->set("paths", ps);
      const std::string& e = t.loop ? t.loop->expand_to : std::string();
      o->set("repeats", e == "w:tr" ? "table-row" : e == "w:p" ? "paragraphs" : "inline");
      // Tags inside a loop over a plain path are looked up in its items first.
      Object::Ptr inner = vars;
      if (t.expr && t.expr->op == docx::Expr::Op::kPath && paths.size() == 1 && paths[0] != ".") {
        inner = Descend(vars, paths[0]);
      } else {
        for (const auto& p : paths) AddPath(vars, p);
      }
      o->set("tags", DescribeTags(t.sub, inner));
    }
    out->add(o);
  }
  return out;
}

}  // namespace

Result<DocxTemplate> DocxTemplate::Open(const std::string& path) {
  auto c = docx::CompileTemplate(path);
  if (!c.ok()) return c.status();
  return DocxTemplate(*c);
}

Status DocxTemplate::Render(const std::string& json_text, const RenderOptions& options,
                            const std::string& out_path) const {
  auto data = docx::ParseJson(json_text, "data");
  if (!data.ok()) return data.status();
  if (data->type != docx::Data::Type::kObject) {
    return Status::DataError("data: the render data must be a JSON object");
  }
  docx::RenderSettings settings;
  settings.blanks = options.blanks;
  settings.staged = options.staged;
  return docx::RenderToFile(*impl_, *data, settings, out_path);
}

std::string DocxTemplate::TagsJson() const {
  Object::Ptr root = NewObject();
  root->set("template", impl_->path);
  Array::Ptr parts = new Array();
  Object::Ptr vars = NewObject();
  for (const auto& part : impl_->parts) {
    if (!part.dynamic) continue;
    Array::Ptr tags = DescribeTags(part.toks, vars);
    if (tags->size() == 0) continue;
    Object::Ptr p = NewObject();
    p->set("part", part.name);
    p->set("tags", tags);
    parts->add(p);
  }
  root->set("parts", parts);
  root->set("data", vars);
  std::ostringstream os;
  root->stringify(os, 2);
  return os.str();
}

const std::string& DocxTemplate::path() const { return impl_->path; }

}  // namespace koop
