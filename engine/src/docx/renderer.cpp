#include "docx/renderer.h"

#include <algorithm>

#include "docx/expression.h"
#include "docx/lexer.h"
#include "docx/limits.h"
#include "docx/loops.h"
#include "docx/uncorrupt.h"

namespace koop::docx {

const char kBlankLine[] =
    "\xE2\x80\xA6\xE2\x80\xA6\xE2\x80\xA6\xE2\x80\xA6\xE2\x80\xA6\xE2\x80\xA6\xE2\x80\xA6"
    "\xE2\x80\xA6\xE2\x80\xA6\xE2\x80\xA6\xE2\x80\xA6\xE2\x80\xA6\xE2\x80\xA6\xE2\x80\xA6"
    "\xE2\x80\xA6\xE2\x80\xA6\xE2\x80\xA6\xE2\x80\xA6\xE2\x80\xA6\xE2\x80\xA6";

namespace {

const char kPageBreakRun[] = "<w:r><w:br w:type=\"page\"/></w:r>";
const char kPageBreakParagraph[] = "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>";

// Problems with the data, each listed once with how often it happened. A tag inside loops over
// loops fails once per repetition, so repeats are counted by (tag, problem) without building the
// message again; two tags with the same text and problem share one line.
class Problems {
 public:
  void Add(const Tok& t, const std::string& part, const std::string& detail) {
    auto [it, fresh] = by_tag_.emplace(std::make_pair(&t, detail), 0);
    if (fresh) {
      std::string message = part + ": tag \"" + t.value + "\": " + detail;
      auto [m, new_message] = by_message_.emplace(message, list_.size());
      if (new_message) list_.push_back({std::move(message), 0});
      it->second = m->second;
    }
    ++list_[it->second].second;
  }
  bool empty() const { return list_.empty(); }
  const std::vector<std::pair<std::string, int>>& list() const { return list_; }

 private:
  std::vector<std::pair<std::string, int>> list_;
  std::map<std::pair<const Tok*, std::string>, size_t> by_tag_;
  std::map<std::string, size_t> by_message_;
};

// What a document may cost (docx/limits.h), shared by its parts. Once a limit is hit, rendering
// unwinds without doing more work and `exceeded` says which tag was repeating.
struct Budget {
  uint64_t steps = 0;
  uint64_t bytes_before = 0;  // output of the parts already rendered
  std::string exceeded;
};

struct Ctx {
  const std::string* part;
  Scopes scopes;
  std::vector<int> items;  // loop index at each level, for "is this the first repetition"
  const RenderSettings* settings;
  const std::vector<Section>* sections;
  Problems* problems;
  Budget* budget;
  bool needs_repair = false;  // a loop rendered nothing or repeated a trailing table
  bool stop = false;          // a limit was hit
};

// True (and stops the render) when the document has grown past its limits.
bool OverBudget(Ctx& c, const std::string& out) {
  if (c.stop) return true;
  if (++c.budget->steps <= kMaxRenderSteps &&
      c.budget->bytes_before + out.size() <= kMaxOutputBytes) {
    return false;
  }
  c.stop = true;
  return true;
}

// Escapes a value for w:t, drops control characters Word rejects, and turns newlines into line
// breaks that repeat the run's formatting.
void AppendValue(std::string* out, const std::string& s, const std::string& run_props) {
  size_t plain = 0;  // start of the pending run of characters that need no escaping
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char u = static_cast<unsigned char>(s[i]);
    const char* rep;
    switch (u) {
      case '&':
        rep = "&amp;";
        break;
      case '<':
        rep = "&lt;";
        break;
      case '>':
        rep = "&gt;";
        break;
      case '"':
        rep = "&quot;";
        break;
      case '\'':
        rep = "&apos;";
        break;
      case '\n':
        rep = nullptr;
        break;
      default:
        if (u >= 0x20 || u == '\t' || u == '\r') continue;
        rep = "";
    }
    out->append(s, plain, i - plain);
    plain = i + 1;
    if (rep) {
      *out += rep;
    } else {
      *out += "</w:t></w:r><w:r><w:br/></w:r><w:r>";
      *out += run_props;
      *out += "<w:t xml:space=\"preserve\">";
    }
  }
  out->append(s, plain, std::string::npos);
}

void RenderValue(const Tok& t, Ctx& c, std::string* out) {
  if (t.expr->op == Expr::Op::kPath && !(t.expr->path.size() == 1 && t.expr->path[0] == "$index")) {
    const Data* d = LookupPath(*t.expr, c.scopes);
    if (d && d->type == Data::Type::kString) {
      AppendValue(out, d->s, t.run_props);
      return;
    }
    if (d && d->type != Data::Type::kArray) {
      AppendValue(out, Val::Of(d).str(), t.run_props);
      return;
    }
  }
  std::vector<std::string> errs;
  Val v = Evaluate(*t.expr, c.scopes, &errs);
  for (const auto& e : errs) c.problems->Add(t, *c.part, e);
  if (v.is_nullish()) {
    if (c.settings->blanks) {
      *out += kBlankLine;
    } else if (errs.empty()) {
      c.problems->Add(t, *c.part, "no value in the data");
    }
    return;
  }
  AppendValue(out, v.t == Val::T::kString ? v.s : v.str(), t.run_props);
}

void RenderList(const std::vector<Tok>& toks, Ctx& c, std::string* out);

void AddPageBreakAtEnd(const LoopInfo& info, size_t start, std::string* out) {
  static const std::string kEndP = "</w:p>";
  if (info.last_is_paragraph_end && out->size() >= start + kEndP.size() &&
      out->compare(out->size() - kEndP.size(), kEndP.size(), kEndP) == 0) {
    out->insert(out->size() - kEndP.size(), kPageBreakRun);
  } else {
    *out += kPageBreakParagraph;
  }
}

void DropHeaderFooterRefs(size_t start, std::string* out) {
  for (const char* name : {"<w:headerReference", "<w:footerReference"}) {
    for (size_t p = out->find(name, start); p != std::string::npos; p = out->find(name, p)) {
      size_t gt = out->find('>', p);
      if (gt == std::string::npos) break;
      out->erase(p, gt + 1 - p);
    }
  }
}

void AddContinuousType(size_t start, std::string* out) {
  size_t p = out->find("<w:sectPr", start);
  while (p != std::string::npos) {
    size_t type = out->find("<w:type", p);
    size_t end = out->find("</w:sectPr", p);
    if (end == std::string::npos) return;
    if (type != std::string::npos && type < end) return;
    out->insert(end, "<w:type w:val=\"continuous\"/>");
    p = out->find("<w:sectPr", end + 30);
  }
}

void RenderLoop(const Tok& t, Ctx& c, std::string* out) {
  const LoopInfo& info = *t.loop;
  std::vector<std::string> errs;
  Val v = Evaluate(*t.expr, c.scopes, &errs);
  for (const auto& e : errs) c.problems->Add(t, *c.part, e);

  auto iterate = [&](const Data* scope, int index, int length, bool is_array) {
    if (OverBudget(c, *out)) return;  // each repetition is a step, even of an empty body
    size_t start = out->size();
    c.scopes.list.push_back(scope);
    c.scopes.indexes.push_back(is_array ? index : -1);
    c.items.push_back(index);
    RenderList(t.sub, c, out);
    bool not_first = std::any_of(c.items.begin(), c.items.end(), [](int i) { return i != 0; });
    c.items.pop_back();
    c.scopes.indexes.pop_back();
    c.scopes.list.pop_back();
    if (info.has_page_break && index == length - 1 && info.inside_paragraph_loop) {
      AddPageBreakAtEnd(info, start, out);
    }
    if (not_first) {
      if (info.sect_pr_count == 1) DropHeaderFooterRefs(start, out);
      if (info.add_continuous_type) AddContinuousType(start, out);
    } else if (info.add_next_page >= 0) {
      // The section that ends inside the first repetition, placed before it.
      out->insert(start, "<w:p><w:pPr>" + (*c.sections)[info.add_next_page].xml + "</w:pPr></w:p>");
    }
    if (info.add_next_page >= 0) AddPageBreakAtEnd(info, start, out);
    if (info.has_page_break_beginning && info.inside_paragraph_loop) {
      out->insert(start, kPageBreakParagraph);
    }
  };

  const Data* current = c.scopes.list.back();
  size_t before = out->size();
  bool shown;
  bool falsy = !v.truthy() || (v.is_array() && v.node->items.empty());
  if (falsy) {
    if (t.inverted) iterate(current, 0, 1, false);
    shown = t.inverted;
  } else if (v.is_array()) {
    int n = static_cast<int>(v.node->items.size());
    if (!t.inverted) {
      for (int i = 0; i < n && !c.stop; ++i) iterate(&v.node->items[i], i, n, true);
    }
    shown = true;
  } else if (v.is_object()) {
    if (!t.inverted) iterate(v.node, 0, 1, false);
    shown = !t.inverted;
  } else {
    if (!t.inverted) iterate(current, 0, 1, false);
    shown = !t.inverted;
  }
  if (c.stop) {
    // The innermost loop that was repeating when the limit was hit is named.
    if (c.budget->exceeded.empty()) {
      c.budget->exceeded =
          *c.part + ": tag \"" + t.value + "\": " +
          (c.budget->steps > kMaxRenderSteps
               ? "rendering takes more than " + std::to_string(kMaxRenderSteps) + " steps"
               : "the document grows beyond " + std::to_string(kMaxOutputBytes) + " bytes") +
          " (loops repeat too much)";
    }
    return;
  }
  if (out->size() == before || info.body_ends_with_table) c.needs_repair = true;
  if (!shown) {
    c.needs_repair = true;
    if (!info.last_paragraph_sect_pr.empty()) {
      if (info.paragraph_loop) {
        *out += "<w:p><w:pPr>" + info.last_paragraph_sect_pr + "</w:pPr></w:p>";
      } else {
        *out +=
            "</w:t></w:r></w:p><w:p><w:pPr>" + info.last_paragraph_sect_pr + "</w:pPr><w:r><w:t>";
      }
    } else if (info.has_page_break && info.inside_paragraph_loop) {
      *out += kPageBreakParagraph;
    }
  }
}

// Rough output size: literal text, with the bodies of loops over plain paths counted once per
// item. Reserving it up front saves regrowing (and page-faulting) a multi-megabyte string.
size_t EstimateSize(const std::vector<Tok>& toks, const Scopes& scopes, int depth) {
  size_t n = 0;
  for (const Tok& t : toks) {
    if (t.kind == TokKind::kContent || t.kind == TokKind::kTag) {
      n += t.value.size();
    } else if (t.kind == TokKind::kValue) {
      n += 16;
    } else if (t.kind == TokKind::kLoopOpen) {
      size_t body = EstimateSize(t.sub, scopes, depth + 1);
      size_t times = 1;
      if (depth == 0 && t.expr && t.expr->op == Expr::Op::kPath) {
        const Data* d = LookupPath(*t.expr, scopes);
        if (d && d->type == Data::Type::kArray) times = d->items.size();
      }
      n += body * times;
    }
  }
  return n;
}

void RenderList(const std::vector<Tok>& toks, Ctx& c, std::string* out) {
  for (const Tok& t : toks) {
    if (OverBudget(c, *out)) return;
    switch (t.kind) {
      case TokKind::kValue:
        RenderValue(t, c, out);
        break;
      case TokKind::kLoopOpen:
        RenderLoop(t, c, out);
        break;
      default:
        *out += t.value;
    }
  }
}

}  // namespace

Status RenderParts(const CompiledTemplate& tmpl, const Data& data, const RenderSettings& settings,
                   std::map<std::string, std::string>* out) {
  Problems problems;
  Budget budget;
  for (const CompiledPart& part : tmpl.parts) {
    if (!part.dynamic) continue;
    Ctx c{&part.name, {}, {}, &settings, &part.sections, &problems, &budget};
    c.scopes.list.push_back(&data);
    c.scopes.indexes.push_back(-1);
    std::string xml;
    size_t seen = part.size_seen->load(std::memory_order_relaxed);
    size_t estimate = EstimateSize(part.toks, c.scopes, 0);
    size_t reserve = std::max({part.size_hint, seen + seen / 8, estimate + estimate / 4});
    xml.reserve(std::min<size_t>(reserve, kMaxOutputBytes));
    RenderList(part.toks, c, &xml);
    if (c.stop) {
      if (budget.exceeded.empty()) {
        budget.exceeded =
            part.name + ": the document grows beyond " + std::to_string(kMaxOutputBytes) + " bytes";
      }
      return Status::DataError(tmpl.path + ": " + budget.exceeded);
    }
    budget.bytes_before += xml.size();
    part.size_seen->store(xml.size(), std::memory_order_relaxed);
    if (part.always_repair || c.needs_repair) Uncorrupt(&xml);
    // A part whose tags all vanished into identical text is copied from the template as is.
    if (xml != part.original) (*out)[part.name] = std::move(xml);
  }
  if (!problems.empty()) {
    // A tag inside a loop fails once per item: it is listed once, with the count.
    const auto& unique = problems.list();
    std::string msg = tmpl.path + ": " + std::to_string(unique.size()) + " problem" +
                      (unique.size() == 1 ? "" : "s") + " with the data:";
    for (const auto& [p, n] : unique) {
      msg += "\n  " + p;
      if (n > 1) msg += " (" + std::to_string(n) + " times)";
    }
    return Status::DataError(msg);
  }
  return Status::Ok();
}

Status RenderToFile(const CompiledTemplate& tmpl, const Data& data, const RenderSettings& settings,
                    const std::string& out_path) {
  std::map<std::string, std::string> parts;
  KOOP_RETURN_IF_ERROR(RenderParts(tmpl, data, settings, &parts));
  return tmpl.zip->WriteWith(parts, out_path, settings.staged);
}

Status RenderToFile(const CompiledTemplate& tmpl, const Poco::Dynamic::Var& data,
                    const RenderSettings& settings, const std::string& out_path) {
  return RenderToFile(tmpl, FromPoco(data), settings, out_path);
}

}  // namespace koop::docx
