#include "docx/loops.h"

#include <algorithm>
#include <utility>

#include "docx/limits.h"

namespace koop::docx {
namespace {

bool IsStarting(const std::string& v, const std::string& el) {
  if (v.size() < el.size() + 2 || v[0] != '<' || v.compare(1, el.size(), el) != 0) return false;
  char c = v[el.size() + 1];
  return c == '>' || c == ' ' || c == '/';
}

bool IsEnding(const std::string& v, const std::string& el) {
  return v.size() == el.size() + 3 && v[0] == '<' && v[1] == '/' &&
         v.compare(2, el.size(), el) == 0 && v.back() == '>';
}

bool IsTagStart(const Tok& t, const char* name) {
  return t.kind == TokKind::kTag && t.tag == name &&
         (t.pos == TagPos::kStart || t.pos == TagPos::kSelfClosing);
}
bool IsTagEnd(const Tok& t, const char* name) {
  return t.kind == TokKind::kTag && t.tag == name && t.pos == TagPos::kEnd;
}
bool IsContent(const Tok& t) {
  return t.kind == TokKind::kValue || t.kind == TokKind::kLoopOpen ||
         t.kind == TokKind::kLoopClose || (t.kind == TokKind::kContent && t.inside);
}
bool IsWhiteSpace(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
  });
}

long GetLeft(const std::vector<Tok>& toks, const std::string& el, long index) {
  int level = 1;
  for (long i = index; i >= 0; --i) {
    if (IsStarting(toks[i].value, el)) --level;
    if (IsEnding(toks[i].value, el)) ++level;
    if (level == 0) return i;
  }
  return -1;
}

long GetRight(const std::vector<Tok>& toks, const std::string& el, long index) {
  int level = 1;
  for (long i = index; i < static_cast<long>(toks.size()); ++i) {
    if (IsEnding(toks[i].value, el)) --level;
    if (IsStarting(toks[i].value, el)) ++level;
    if (level == 0) return i;
  }
  return -1;
}

// Opening and closing tags between two positions that do not balance out.
std::vector<std::string> UnbalancedElements(const std::vector<Tok>& toks, long from, long to) {
  std::vector<std::string> result;
  for (long i = from; i < to; ++i) {
    const Tok& t = toks[i];
    if (t.kind != TokKind::kTag) continue;
    if (t.pos == TagPos::kEnd) {
      if (!result.empty() && result.back().compare(1, t.tag.size(), t.tag) == 0) {
        result.pop_back();
      } else {
        result.push_back(t.value);
      }
    } else if (t.pos == TagPos::kStart) {
      result.push_back(t.value);
    }
  }
  return result;
}

std::string ElementName(const std::string& el) {
  size_t i = el[1] == '/' ? 2 : 1;
  size_t j = i;
  while (j < el.size() && (std::isalpha(static_cast<unsigned char>(el[j])) || el[j] == ':')) ++j;
  return el.substr(i, j - i);
}

// Splits tokens into chunks: each chunk starts at a start tag of `el` or ends at its end tag.
template <typename StartFn, typename EndFn>
std::vector<std::pair<long, long>> ChunkBy(long from, long to, StartFn is_start, EndFn is_end) {
  std::vector<std::pair<long, long>> chunks;
  long cur = from;
  for (long i = from; i < to; ++i) {
    if (is_start(i)) {
      if (i > cur) chunks.push_back({cur, i});
      cur = i;
    } else if (is_end(i)) {
      chunks.push_back({cur, i + 1});
      cur = i + 1;
    }
  }
  if (to > cur) chunks.push_back({cur, to});
  return chunks;
}

struct Pair {
  long open;
  long close;
};

void AddError(std::vector<TemplateError>* errors, const std::string& part, const char* id,
              const std::string& tag, const std::string& message) {
  errors->push_back({part, id, tag, message});
}

// docxtemplater's pairing: repeatedly match the first closing tag with a nearby opening tag.
bool Matches(const Tok* open, const Tok* close) {
  return open && close && open->kind == TokKind::kLoopOpen && close->kind == TokKind::kLoopClose &&
         (open->expr_text == close->expr_text || close->expr_text.empty());
}

std::vector<Pair> FindPairs(const std::vector<Tok>& toks, const PartContext& ctx,
                            std::vector<TemplateError>* errors) {
  std::vector<long> traits;
  for (long i = 0; i < static_cast<long>(toks.size()); ++i) {
    if ((toks[i].kind == TokKind::kLoopOpen && !toks[i].loop) ||
        toks[i].kind == TokKind::kLoopClose) {
      traits.push_back(i);
    }
  }
  size_t before = errors->size();
  std::vector<long> work = traits;
  auto unmatched = [&](long idx) {
    const Tok& t = toks[idx];
    bool open = t.kind == TokKind::kLoopOpen;
    AddError(errors, ctx.part, open ? "unclosed_loop" : "unopened_loop", t.expr_text,
             std::string("the loop {") + (open ? (t.inverted ? "^" : "#") : "/") + t.expr_text +
                 "} is " + (open ? "never closed" : "never opened"));
  };
  while (!work.empty()) {
    bool handled = false;
    for (size_t i = 0; i < work.size(); ++i) {
      if (toks[work[i]].kind != TokKind::kLoopClose) continue;
      handled = true;
      if (i == 0) {
        unmatched(work[0]);
        work.erase(work.begin());
        break;
      }
      long end_i = static_cast<long>(i), start_i = end_i - 1;
      auto at = [&](long k) -> const Tok* {
        return k >= 0 && k < static_cast<long>(work.size()) ? &toks[work[k]] : nullptr;
      };
      if (Matches(at(start_i), at(end_i))) {
        work.erase(work.begin() + end_i);
        work.erase(work.begin() + start_i);
        break;
      }
      bool done = false;
      for (long off = 1; off < 50 && !done; ++off) {
        if (Matches(at(start_i - off), at(end_i))) {
          work.erase(work.begin() + end_i);
          work.erase(work.begin() + (start_i - off));
          done = true;
        } else if (Matches(at(start_i), at(end_i + off))) {
          work.erase(work.begin() + end_i + off);
          work.erase(work.begin() + start_i);
          done = true;
        }
      }
      if (!done) {
        const Tok& o = toks[work[start_i]];
        const Tok& c = toks[work[end_i]];
        errors->push_back({ctx.part, "closing_tag_does_not_match_opening_tag", c.expr_text,
                           "the loop {" + std::string(o.inverted ? "^" : "#") + o.expr_text +
                               "} is closed by {/" + c.expr_text + "} (opening tag " + o.expr_text +
                               ", closing tag " + c.expr_text + ")"});
        work.erase(work.begin() + end_i);
        work.erase(work.begin() + start_i);
      }
      break;
    }
    if (!handled) {
      for (long idx : work) unmatched(idx);
      work.clear();
    }
  }
  std::vector<Pair> pairs;
  if (errors->size() > before) return pairs;
  int open = 0;
  std::vector<long> level_start(traits.size() + 2, -1);
  for (long idx : traits) {
    if (toks[idx].kind == TokKind::kLoopOpen) {
      ++open;
      level_start[open] = idx;
    } else {
      --open;
      if (open == 0) pairs.push_back({level_start[1], idx});
      if (open < 0) open = 0;
    }
  }
  return pairs;
}

// How far a loop reaches: "w:tr", "w:p" or "" (inline); false on an invalid position.
bool ExpandTo(const std::vector<Tok>& toks, const Pair& pair, std::string* expand) {
  expand->clear();
  std::vector<std::string> elems = UnbalancedElements(toks, pair.open, pair.close);
  auto has = [&](const std::string& name) {
    std::string prefix = "<" + name;
    return std::any_of(elems.begin(), elems.end(), [&](const std::string& e) {
      return e.compare(0, prefix.size(), prefix) == 0;
    });
  };
  struct Rule {
    const char* contains;
    const char* expand;
    bool only_text;
  };
  static const Rule kRules[] = {{"w:tc", "w:tr", false}, {"w:p", "w:p", true}};
  for (const Rule& r : kRules) {
    if (!has(r.contains)) continue;
    if (r.only_text) {
      long left = GetLeft(toks, r.contains, pair.open);
      long right = GetRight(toks, r.contains, pair.close);
      if (left < 0 || right < 0) continue;
      auto chunks = ChunkBy(
          left, right, [&](long i) { return IsTagStart(toks[i], r.contains); },
          [&](long i) { return IsTagEnd(toks[i], r.contains); });
      auto count = [&](std::pair<long, long> c) {
        long n = 0;
        for (long i = c.first; i < c.second; ++i) n += IsContent(toks[i]);
        return n;
      };
      if (chunks.empty() || count(chunks.front()) != 1 || count(chunks.back()) != 1) continue;
    }
    int open = 0;
    for (const std::string& e : elems) {
      if (ElementName(e) != r.expand) continue;
      open += e[1] == '/' ? -1 : 1;
    }
    if (open != 0) return false;
    *expand = r.expand;
    return true;
  }
  if (elems.size() % 2 == 1) return false;
  for (size_t i = 0; i < elems.size() / 2; ++i) {
    if (ElementName(elems[i]) != ElementName(elems[elems.size() - 1 - i])) return false;
  }
  return true;
}

bool HasPageBreak(const std::vector<Tok>& toks, long from, long to) {
  for (long i = from; i < to; ++i) {
    if (toks[i].kind == TokKind::kTag && toks[i].tag == "w:br" &&
        toks[i].value.find("w:type=\"page\"") != std::string::npos) {
      return true;
    }
  }
  return false;
}

bool HasImage(const std::vector<Tok>& toks, long from, long to) {
  for (long i = from; i < to; ++i) {
    if (toks[i].kind == TokKind::kTag && toks[i].tag == "w:drawing") return true;
  }
  return false;
}

std::string LastSectPr(const std::vector<Tok>& toks) {
  std::vector<std::string> parts;
  bool in = false;
  for (long i = static_cast<long>(toks.size()) - 1; i >= 0; --i) {
    const Tok& t = toks[i];
    if (IsTagEnd(t, "w:sectPr")) in = true;
    if (IsTagStart(t, "w:sectPr")) {
      parts.push_back(t.value);
      in = false;
    } else if (in) {
      parts.push_back(t.value);
    }
    if (t.kind == TokKind::kTag && t.tag == "w:p" && t.pos == TagPos::kStart) {
      if (!parts.empty()) {
        std::string s;
        for (auto it = parts.rbegin(); it != parts.rend(); ++it) s += *it;
        return s;
      }
      break;
    }
  }
  return std::string();
}

// The loop module's work on a loop body before nested loops are paired.
std::vector<Tok> ShapeLoopBody(std::vector<Tok> body, Tok* base, const PartContext& ctx) {
  LoopInfo& info = *base->loop;
  if (!body.empty() && !ctx.sections.empty()) {
    bool collect = false;
    for (const Tok& t : body) {
      if (IsTagStart(t, "w:sectPr")) collect = true;
      if (collect && (t.tag == "w:headerReference" || t.tag == "w:footerReference")) {
        ++info.sect_pr_count;
        collect = false;
      }
      if (IsTagEnd(t, "w:sectPr")) collect = false;
    }
    for (size_t i = 0; i < ctx.sections.size(); ++i) {
      const Section& s = ctx.sections[i];
      if (base->lindex < s.first_lindex) {
        if (i + 1 < ctx.sections.size() && ctx.sections[i + 1].continuous) {
          info.add_continuous_type = true;
        }
        break;
      }
      if (body[0].lindex < s.first_lindex && s.first_lindex < base->lindex) {
        if (s.next_page) info.add_next_page = static_cast<int>(i);
        break;
      }
    }
    info.last_paragraph_sect_pr = LastSectPr(body);
  }
  bool enclosed = !body.empty() && IsTagStart(body.front(), "w:p") &&
                  body.front().pos == TagPos::kStart && IsTagEnd(body.back(), "w:p");
  if (!enclosed) return body;
  info.paragraph_loop = true;
  int level = 0;
  auto chunks = ChunkBy(
      0, static_cast<long>(body.size()),
      [&](long i) {
        const Tok& t = body[i];
        if (t.kind == TokKind::kTag && t.tag == "w:p" && t.pos == TagPos::kStart) {
          return ++level == 1;
        }
        return false;
      },
      [&](long i) {
        const Tok& t = body[i];
        if (IsTagEnd(t, "w:p")) return --level == 0;
        return false;
      });
  auto has_content = [&](std::pair<long, long> c) {
    for (long i = c.first; i < c.second; ++i)
      if (IsContent(body[i])) return true;
    return false;
  };
  auto first = chunks.front();
  auto last = chunks.back();
  long first_off = has_content(first) ? 0 : first.second - first.first;
  long last_off = has_content(last) ? 0 : last.second - last.first;
  if (first_off > 0 && chunks.size() > 1 && body[chunks[1].first].kind == TokKind::kContent &&
      IsWhiteSpace(body[chunks[1].first].value)) {
    ++first_off;
  }
  if (last_off > 0 && chunks.size() > 1) {
    const Tok& t = body[chunks[chunks.size() - 2].second - 1];
    if (t.kind == TokKind::kContent && IsWhiteSpace(t.value)) ++last_off;
  }
  info.has_page_break_beginning = HasPageBreak(body, first.first, first.second);
  info.has_page_break = HasPageBreak(body, last.first, last.second);
  if (HasImage(body, first.first, first.second)) first_off = 0;
  if (HasImage(body, last.first, last.second)) last_off = 0;
  long end = static_cast<long>(body.size()) - last_off;
  if (first_off >= end) return {};
  return std::vector<Tok>(std::make_move_iterator(body.begin() + first_off),
                          std::make_move_iterator(body.begin() + end));
}

std::vector<Tok> PostParse(std::vector<Tok> toks, const PartContext& ctx,
                           std::vector<TemplateError>* errors) {
  std::vector<Pair> pairs = FindPairs(toks, ctx, errors);
  if (pairs.empty()) return toks;
  std::vector<std::pair<long, long>> ranges;
  std::vector<std::string> expands;
  size_t before = errors->size();
  long last_right = 0;
  for (const Pair& p : pairs) {
    std::string expand;
    const Tok& open = toks[p.open];
    if (!ExpandTo(toks, p, &expand)) {
      errors->push_back({ctx.part, "loop_position_invalid", open.expr_text,
                         "the loop {#" + open.expr_text +
                             "} starts and ends in places that cannot be repeated together "
                             "(e.g. in a table cell and outside the table)"});
    }
    long left = p.open, right = p.close;
    if (!expand.empty()) {
      left = GetLeft(toks, expand, p.open);
      right = GetRight(toks, expand, p.close);
      if (left < 0 || right < 0) {
        errors->push_back(
            {ctx.part, "no_xml_tag_found_at_" + std::string(left < 0 ? "left" : "right"),
             open.expr_text, "no <" + expand + "> around the loop {#" + open.expr_text + "}"});
        left = p.open;
        right = p.close;
      }
    }
    if (left < last_right) {
      errors->push_back({ctx.part, "unbalanced_loop", open.expr_text,
                         "the loop {#" + open.expr_text + "} overlaps the previous loop"});
    }
    last_right = right;
    ranges.push_back({left, right});
    expands.push_back(expand);
  }
  if (errors->size() > before) return toks;

  std::vector<Tok> out;
  out.reserve(toks.size());
  size_t pi = 0;
  std::vector<Tok> inner;
  for (long i = 0; i < static_cast<long>(toks.size()); ++i) {
    bool in_pair = pi < pairs.size() && ranges[pi].first <= i && i <= ranges[pi].second;
    if (!in_pair) {
      out.push_back(std::move(toks[i]));
      continue;
    }
    if (ranges[pi].first == i) inner.clear();
    if (pairs[pi].open != i && pairs[pi].close != i) inner.push_back(std::move(toks[i]));
    if (ranges[pi].second == i) {
      Tok base = std::move(toks[pairs[pi].open]);
      base.loop = std::make_shared<LoopInfo>();
      base.loop->expand_to = expands[pi];
      std::vector<Tok> body = ShapeLoopBody(std::move(inner), &base, ctx);
      base.sub = PostParse(std::move(body), ctx, errors);
      const std::vector<Tok>& sub = base.sub;
      for (const Tok& t : sub) {
        if (t.kind == TokKind::kContent) continue;
        base.loop->inside_paragraph_loop = !(t.kind == TokKind::kTag && t.tag == "w:t");
        break;
      }
      base.loop->last_is_paragraph_end = !sub.empty() && IsTagEnd(sub.back(), "w:p");
      for (auto it = sub.rbegin(); it != sub.rend(); ++it) {
        if (it->kind == TokKind::kContent && IsWhiteSpace(it->value)) continue;
        base.loop->body_ends_with_table = IsTagEnd(*it, "w:tbl");
        break;
      }
      out.push_back(std::move(base));
      inner.clear();
      ++pi;
      while (pi < pairs.size() && ranges[pi].first < i) ++pi;
    }
  }
  return out;
}

}  // namespace

std::vector<Section> CollectSections(const std::vector<Tok>& toks) {
  std::vector<Section> out;
  Section* cur = nullptr;
  for (const Tok& t : toks) {
    if (IsTagStart(t, "w:sectPr")) {
      out.push_back(Section{});
      cur = &out.back();
      cur->first_lindex = t.lindex;
    }
    if (cur) {
      cur->xml += t.value;
      if (IsTagStart(t, "w:type")) {
        if (t.value.find("continuous") != std::string::npos) cur->continuous = true;
        if (t.value.find("w:val=\"nextPage\"") != std::string::npos) cur->next_page = true;
      }
    }
    if (IsTagEnd(t, "w:sectPr")) cur = nullptr;
  }
  return out;
}

std::vector<Tok> PairLoops(std::vector<Tok> toks, const PartContext& ctx,
                           std::vector<TemplateError>* errors) {
  // Checked before pairing, which recurses once per nesting level and scans the tags of a part
  // in quadratic time: the input must not choose how deep or how long that gets.
  size_t tags = 0;
  int depth = 0;
  for (const Tok& t : toks) {
    if (t.kind == TokKind::kValue) ++tags;
    if (t.kind == TokKind::kLoopClose) {
      ++tags;
      depth = std::max(0, depth - 1);
    }
    if (t.kind != TokKind::kLoopOpen) continue;
    ++tags;
    if (++depth > kMaxLoopDepth) {
      AddError(errors, ctx.part, "loop_too_deep", t.expr_text,
               std::string("the loop {") + (t.inverted ? "^" : "#") + t.expr_text +
                   "} is nested deeper than " + std::to_string(kMaxLoopDepth) + " loops");
      return {};
    }
  }
  if (tags > kMaxTagsPerPart) {
    AddError(errors, ctx.part, "too_many_tags", "",
             "more than " + std::to_string(kMaxTagsPerPart) + " tags in one part (" +
                 std::to_string(tags) + ")");
    return {};
  }
  return PostParse(std::move(toks), ctx, errors);
}

}  // namespace koop::docx
