// Executable content, <invoke>, <param>/<content> of the SCXML document.
#include <libxml/tree.h>

#include <sstream>

#include "model/chart_builder.h"

namespace koop::model {
namespace {

constexpr const char* kScxmlNs = "http://www.w3.org/2005/07/scxml";

std::vector<std::string> SplitSpace(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  std::string w;
  while (in >> w) out.push_back(w);
  return out;
}

bool ValidDelay(const std::string& d) {
  // CSS2-style time: a decimal number followed by "ms" or "s".
  std::size_t i = 0;
  bool digits = false;
  while (i < d.size() && (std::isdigit(static_cast<unsigned char>(d[i])) || d[i] == '.')) {
    digits = digits || d[i] != '.';
    ++i;
  }
  std::string unit = d.substr(i);
  return digits && (unit == "ms" || unit == "s" || unit == "m" || unit == "h" || unit == "d");
}

}  // namespace

Expr ChartBuilder::MakeCode(const std::string& text, SourcePos pos, CodeUnit::Kind kind,
                            const std::string& file) {
  Expr e;
  e.text = text;
  e.pos = pos;
  e.id = static_cast<int>(chart_->code.size());
  chart_->code.push_back({kind, text, file, pos, pos.line});
  return e;
}

Expr ChartBuilder::MakeExpr(const xmlNode* node, const char* attr, CodeUnit::Kind kind) {
  std::string text = Attr(node, attr);
  SourcePos pos = src_.PosOf(node, attr);
  if (NormalizeSpace(text).empty()) {
    Error(node, std::string("empty ") + attr + " attribute", attr);
  }
  return MakeCode(text, pos, kind, src_.name());
}

Block ChartBuilder::ParseBlock(const xmlNode* parent) {
  Block out;
  for (const xmlNode* c = parent->children; c != nullptr; c = c->next) {
    if (!IsElement(c)) continue;
    if (NamespaceOf(c) == kKoopNamespace) {
      ParseKoopAction(c, out);
      continue;
    }
    std::string ns = NamespaceOf(c);
    if (!ns.empty() && ns != kScxmlNs) continue;
    ParseAction(c, out);
  }
  return out;
}

void ChartBuilder::ParseParamsAndContent(const xmlNode* node, std::vector<Param>& params,
                                         Content& content) {
  for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
    if (!IsElement(c)) continue;
    std::string name = LocalName(c);
    if (name == "param") {
      CheckAttrs(c, {"name", "expr", "location"});
      Param p;
      p.pos = src_.PosOf(c);
      p.name = Attr(c, "name");
      if (p.name.empty()) Error(c, "<param> needs a name");
      if (HasAttr(c, "expr") && HasAttr(c, "location")) {
        Error(c, "<param> may have expr or location, not both");
      }
      if (HasAttr(c, "expr"))
        p.expr = MakeExpr(c, "expr");
      else if (HasAttr(c, "location"))
        p.expr = MakeExpr(c, "location");
      else
        Error(c, "<param> needs expr or location");
      params.push_back(std::move(p));
    } else if (name == "content") {
      CheckAttrs(c, {"expr"});
      if (content.present) Error(c, "only one <content> is allowed");
      content.present = true;
      if (HasAttr(c, "expr")) {
        content.expr = MakeExpr(c, "expr");
        if (c->children != nullptr && !NormalizeSpace(TextContent(c)).empty()) {
          Error(c, "<content> may have expr or children, not both");
        }
      } else if (HasElementChildren(c)) {
        content.document_xml = InnerXml(c);
        for (const xmlNode* x = c->children; x != nullptr; x = x->next) {
          if (IsElement(x) && LocalName(x) == "scxml") {
            if (nesting_ >= 8) {
              Error(x, "inline <scxml> nested too deeply");
              break;
            }
            ChartBuilder sub(src_, base_dir_, options_, nesting_ + 1);
            content.document = sub.Build(x);
            if (content.document) {
              chart_->included.insert(content.document->included.begin(),
                                      content.document->included.end());
            }
            for (auto& d : sub.diagnostics()) diags_.push_back(d);
          }
        }
      } else {
        content.text = TextContent(c);
      }
    } else if (LocalName(node) != "send" || name != "content") {
      if (LocalName(node) == "invoke" && name == "finalize") continue;
      Error(c, "unexpected <" + name + "> in <" + LocalName(node) + ">");
    }
  }
  if (content.present && !params.empty() && LocalName(node) != "invoke") {
    Error(node, "<content> cannot be combined with <param>");
  }
}

bool ChartBuilder::ParseAction(const xmlNode* node, Block& out) {
  std::string name = LocalName(node);
  Action a;
  a.pos = src_.PosOf(node);
  if (name == "raise") {
    CheckAttrs(node, {"event"});
    a.kind = ActionKind::kRaise;
    a.event = Attr(node, "event");
    if (a.event.empty()) Error(node, "<raise> needs an event");
  } else if (name == "send") {
    CheckAttrs(node, {"event", "eventexpr", "target", "targetexpr", "type", "typeexpr", "id",
                      "idlocation", "delay", "delayexpr", "namelist"});
    a.kind = ActionKind::kSend;
    a.event = Attr(node, "event");
    if (HasAttr(node, "eventexpr")) a.eventexpr = MakeExpr(node, "eventexpr");
    a.target = Attr(node, "target");
    if (HasAttr(node, "targetexpr")) a.targetexpr = MakeExpr(node, "targetexpr");
    a.type = Attr(node, "type");
    if (HasAttr(node, "typeexpr")) a.typeexpr = MakeExpr(node, "typeexpr");
    a.id = Attr(node, "id");
    a.idlocation = Attr(node, "idlocation");
    if (!a.idlocation.empty()) {
      a.idlocation_expr = MakeExpr(node, "idlocation", CodeUnit::Kind::kLocation);
    }
    a.delay = Attr(node, "delay");
    if (HasAttr(node, "delayexpr")) a.delayexpr = MakeExpr(node, "delayexpr");
    if (HasAttr(node, "event") && HasAttr(node, "eventexpr")) {
      Error(node, "<send> may have event or eventexpr, not both");
    }
    if (HasAttr(node, "target") && HasAttr(node, "targetexpr")) {
      Error(node, "<send> may have target or targetexpr, not both");
    }
    if (HasAttr(node, "delay") && HasAttr(node, "delayexpr")) {
      Error(node, "<send> may have delay or delayexpr, not both");
    }
    if (HasAttr(node, "id") && HasAttr(node, "idlocation")) {
      Error(node, "<send> may have id or idlocation, not both");
    }
    if (HasAttr(node, "delay") && !ValidDelay(a.delay)) {
      Error(node, "invalid delay '" + a.delay + "' (expected e.g. 500ms or 2s)", "delay");
    }
    for (const auto& n : SplitSpace(Attr(node, "namelist"))) {
      a.namelist.push_back(n);
      a.namelist_exprs.push_back(
          MakeCode(n, src_.PosOf(node, "namelist"), CodeUnit::Kind::kExpression, src_.name()));
    }
    ParseParamsAndContent(node, a.params, a.content);
  } else if (name == "cancel") {
    CheckAttrs(node, {"sendid", "sendidexpr"});
    a.kind = ActionKind::kCancel;
    a.id = Attr(node, "sendid");
    if (HasAttr(node, "sendidexpr")) a.sendidexpr = MakeExpr(node, "sendidexpr");
    if (HasAttr(node, "sendid") == HasAttr(node, "sendidexpr")) {
      Error(node, "<cancel> needs exactly one of sendid and sendidexpr");
    }
  } else if (name == "assign") {
    CheckAttrs(node, {"location", "expr"});
    a.kind = ActionKind::kAssign;
    a.location = Attr(node, "location");
    if (a.location.empty())
      Error(node, "<assign> needs a location");
    else
      a.location_expr = MakeExpr(node, "location", CodeUnit::Kind::kLocation);
    if (HasAttr(node, "expr")) {
      a.expr = MakeExpr(node, "expr");
    } else if (HasElementChildren(node)) {
      a.content.present = true;
      a.content.document_xml = InnerXml(node);
    } else {
      a.content.present = true;
      a.content.text = TextContent(node);
    }
  } else if (name == "script") {
    CheckAttrs(node, {"src"});
    a.kind = ActionKind::kScript;
    if (HasAttr(node, "src")) {
      std::string file = Attr(node, "src");
      if (options_.hooks.check_rule) {
        if (auto err = options_.hooks.check_rule(file)) Error(node, *err, "src");
      }
      std::string code = ReadSubFile(node, file, "src");
      std::string path = file.rfind("file:", 0) == 0 ? file.substr(5) : file;
      a.expr = MakeCode(code, SourcePos{1, 1}, CodeUnit::Kind::kScript, path);
    } else {
      a.expr = MakeCode(TextContent(node), src_.PosOf(node), CodeUnit::Kind::kScript, src_.name());
      chart_->code.back().text_line = src_.ContentLine(node);
    }
  } else if (name == "log") {
    CheckAttrs(node, {"label", "expr"});
    a.kind = ActionKind::kLog;
    a.label = Attr(node, "label");
    if (HasAttr(node, "expr")) a.expr = MakeExpr(node, "expr");
  } else if (name == "if") {
    CheckAttrs(node, {"cond"});
    a.kind = ActionKind::kIf;
    a.branches.push_back({MakeExpr(node, "cond"), {}});
    Block* body = &a.branches.back().body;
    bool seen_else = false;
    for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
      if (!IsElement(c)) continue;
      std::string cn = LocalName(c);
      if (NamespaceOf(c) != kKoopNamespace && (cn == "elseif" || cn == "else")) {
        if (seen_else) Error(c, "<" + cn + "> after <else>");
        seen_else = seen_else || cn == "else";
        a.branches.push_back({cn == "elseif" ? MakeExpr(c, "cond") : Expr{}, {}});
        body = &a.branches.back().body;
      } else if (NamespaceOf(c) == kKoopNamespace) {
        ParseKoopAction(c, *body);
      } else {
        ParseAction(c, *body);
      }
    }
  } else if (name == "foreach") {
    CheckAttrs(node, {"array", "item", "index"});
    a.kind = ActionKind::kForeach;
    a.array = MakeExpr(node, "array");
    a.item = Attr(node, "item");
    a.index = Attr(node, "index");
    if (a.item.empty())
      Error(node, "<foreach> needs an item");
    else
      a.location_expr =
          MakeCode(a.item, src_.PosOf(node, "item"), CodeUnit::Kind::kLocation, src_.name());
    if (!a.index.empty()) {
      a.idlocation_expr =
          MakeCode(a.index, src_.PosOf(node, "index"), CodeUnit::Kind::kLocation, src_.name());
    }
    a.body = ParseBlock(node);
  } else {
    Error(node, "unknown executable content <" + name + ">");
    return false;
  }
  out.push_back(std::move(a));
  return true;
}

void ChartBuilder::ParseInvoke(const xmlNode* node, State& state) {
  CheckAttrs(node,
             {"type", "typeexpr", "src", "srcexpr", "id", "idlocation", "namelist", "autoforward"});
  Invoke inv;
  inv.pos = src_.PosOf(node);
  inv.base_dir = base_dir_;
  inv.type = Attr(node, "type");
  if (HasAttr(node, "typeexpr")) inv.typeexpr = MakeExpr(node, "typeexpr");
  inv.src = Attr(node, "src");
  if (HasAttr(node, "srcexpr")) inv.srcexpr = MakeExpr(node, "srcexpr");
  inv.id = Attr(node, "id");
  inv.idlocation = Attr(node, "idlocation");
  if (!inv.idlocation.empty()) {
    inv.idlocation_expr = MakeExpr(node, "idlocation", CodeUnit::Kind::kLocation);
  }
  for (const auto& n : SplitSpace(Attr(node, "namelist"))) {
    inv.namelist.push_back(n);
    inv.namelist_exprs.push_back(
        MakeCode(n, src_.PosOf(node, "namelist"), CodeUnit::Kind::kExpression, src_.name()));
  }
  inv.autoforward = Attr(node, "autoforward") == "true";
  if (!inv.type.empty() && inv.type != "http://www.w3.org/TR/scxml/" &&
      inv.type != "http://www.w3.org/TR/scxml" && inv.type != "scxml") {
    Error(node, "unsupported invoke type '" + inv.type + "'", "type");
  }
  ParseParamsAndContent(node, inv.params, inv.content);
  for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
    if (IsElement(c) && LocalName(c) == "finalize") inv.finalize = ParseBlock(c);
  }
  if (!inv.src.empty() && options_.load_sub_documents) {
    std::string text = ReadSubFile(node, inv.src, "src");
    if (!text.empty()) {
      auto sub = XmlSource::Parse(text, inv.src, options_.max_attribute_bytes);
      if (!sub.ok()) {
        Error(node, "in '" + inv.src + "': " + sub.status().message(), "src");
      } else {
        ChartBuilder b(**sub, base_dir_, options_, nesting_ + 1);
        auto chart = b.Build((*sub)->root());
        if (!b.diagnostics().empty()) {
          Error(node, "invalid document '" + inv.src + "': " + b.diagnostics()[0].ToString(),
                "src");
        } else {
          chart_->included.insert(chart->included.begin(), chart->included.end());
          inv.src_chart = chart;
        }
      }
    }
  }
  state.invokes.push_back(std::move(inv));
}

}  // namespace koop::model
