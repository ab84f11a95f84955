// Lexing follows docxtemplater's lexer closely (same tag lists, same delimiter error rules) so
// that templates behave, and fail, the same way.
#include "docx/lexer.h"

#include <algorithm>
#include <cstring>
#include <unordered_set>

namespace koop::docx {
namespace {

const std::unordered_set<std::string>& TextTags() {
  static const std::unordered_set<std::string> k = {"w:t", "a:t", "m:t"};
  return k;
}

const std::unordered_set<std::string>& LexedTags() {
  static const std::unordered_set<std::string> k = {"w:proofState",
                                                    "w:tc",
                                                    "w:tr",
                                                    "w:tbl",
                                                    "w:ftr",
                                                    "w:hdr",
                                                    "w:body",
                                                    "w:document",
                                                    "w:p",
                                                    "w:r",
                                                    "w:br",
                                                    "w:rPr",
                                                    "w:pPr",
                                                    "w:spacing",
                                                    "w:sdtContent",
                                                    "w:sdt",
                                                    "w:drawing",
                                                    "w:sectPr",
                                                    "w:type",
                                                    "w:headerReference",
                                                    "w:footerReference",
                                                    "w:bookmarkStart",
                                                    "w:bookmarkEnd",
                                                    "w:commentRangeStart",
                                                    "w:commentRangeEnd",
                                                    "w:commentReference"};
  return k;
}

bool DroppedInsidePlaceholder(const std::string& tag) {
  return tag == "w:p" || tag == "w:br" || tag == "w:bookmarkStart" || tag == "w:bookmarkEnd";
}

void TagNameAndPos(const std::string& t, std::string* name, TagPos* pos) {
  size_t start = 1;
  size_t end = t.find(' ');
  if (t.size() >= 2 && t[t.size() - 2] == '/') {
    *pos = TagPos::kSelfClosing;
    if (end == std::string::npos) end = t.size() - 2;
  } else if (t.size() >= 2 && t[1] == '/') {
    start = 2;
    *pos = TagPos::kEnd;
    if (end == std::string::npos) end = t.size() - 1;
  } else {
    *pos = TagPos::kStart;
    if (end == std::string::npos) end = t.size() - 1;
  }
  *name = end > start ? t.substr(start, end - start) : std::string();
}

struct Delim {
  size_t offset;
  bool start;
  bool error = false;
};

std::string FirstWord(const std::string& s) { return s.substr(0, s.find(' ')); }
std::string LastWord(const std::string& s) {
  size_t sp = s.rfind(' ');
  return sp == std::string::npos ? s : s.substr(sp + 1);
}
std::string SafeSubstr(const std::string& s, long from, long len) {
  if (from < 0) {
    len += from;
    from = 0;
  }
  if (len <= 0 || static_cast<size_t>(from) >= s.size()) return std::string();
  return s.substr(static_cast<size_t>(from), static_cast<size_t>(len));
}

// docxtemplater's delimiter error rules: returns the delimiters that are kept.
std::vector<Delim> CheckDelimiters(const std::vector<Delim>& matches, const std::string& full,
                                   const std::string& part, std::vector<TemplateError>* errors) {
  std::vector<Delim> acc;
  bool in_delim = false;
  long last_off = 0;
  long last_len = -1000;  // "undefined" before the first delimiter
  auto add = [&](const char* id, const std::string& tag, const std::string& context,
                 const char* what) {
    std::string ctx = DecodeEntities(context.substr(0, 30));
    errors->push_back(
        {part, id, DecodeEntities(tag), std::string("the tag ") + what + " \"" + ctx + "\""});
  };
  for (const Delim& d : matches) {
    long off = static_cast<long>(d.offset);
    std::string xtag = SafeSubstr(full, last_off, off - last_off);
    if (in_delim && d.start) {
      if (last_off + last_len == off) {
        xtag = SafeSubstr(full, last_off, off - last_off + last_len + 4);
        add("duplicate_open_tag", FirstWord(xtag), xtag, "has duplicate open tags, beginning with");
        last_off = off;
        last_len = 1;
        Delim e = d;
        e.error = true;
        acc.push_back(e);
        continue;
      }
      std::string word = FirstWord(xtag);
      add("unclosed_tag", word.empty() ? word : word.substr(1), xtag,
          "is unclosed (no \"}\" before the next \"{\"), beginning with");
      if (!acc.empty()) acc.pop_back();
    }
    if (!in_delim && !d.start) {
      if (last_off + last_len == off) {
        xtag = SafeSubstr(full, last_off - 4, off - last_off + last_len + 4);
        add("duplicate_close_tag", FirstWord(xtag), xtag, "has duplicate close tags, ending with");
      } else {
        add("unopened_tag", LastWord(xtag), xtag, "is unopened (a \"}\" without \"{\"), ending");
      }
      last_off = off;
      last_len = 1;
      Delim e = d;
      e.error = true;
      acc.push_back(e);
      continue;
    }
    in_delim = d.start;
    last_off = off;
    last_len = 1;
    acc.push_back(d);
  }
  if (in_delim) {
    std::string xtag = SafeSubstr(full, last_off, static_cast<long>(full.size()) - last_off);
    std::string word = FirstWord(xtag);
    add("unclosed_tag", word.empty() ? word : word.substr(1), xtag,
        "is unclosed (no \"}\" before the end of the part), beginning with");
    if (!acc.empty()) acc.pop_back();
  }
  return acc;
}

std::string ReplaceGt(const std::string& s) {
  if (s.find('>') == std::string::npos) return s;
  std::string out;
  for (char c : s) {
    if (c == '>')
      out += "&gt;";
    else
      out += c;
  }
  return out;
}

}  // namespace

std::string DecodeEntities(const std::string& s) {
  if (s.find('&') == std::string::npos) return s;
  static const std::pair<const char*, char> kMap[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    if (s[i] == '&') {
      bool done = false;
      for (const auto& [ent, ch] : kMap) {
        size_t n = std::strlen(ent);
        if (s.compare(i, n, ent) == 0) {
          out += ch;
          i += n;
          done = true;
          break;
        }
      }
      if (done) continue;
    }
    out += s[i++];
  }
  return out;
}

void AppendEscaped(std::string* out, const std::string& s) {
  for (char c : s) {
    switch (c) {
      case '&':
        *out += "&amp;";
        break;
      case '<':
        *out += "&lt;";
        break;
      case '>':
        *out += "&gt;";
        break;
      case '"':
        *out += "&quot;";
        break;
      case '\'':
        *out += "&apos;";
        break;
      default:
        *out += c;
    }
  }
}

void LexPart(const std::string& part, const std::string& xml, std::vector<Tok>* toks,
             std::vector<TemplateError>* errors) {
  // 1. Structural tags versus content.
  std::vector<Tok> raw;
  size_t cursor = 0;
  size_t content_from = 0;
  auto flush_content = [&](size_t upto) {
    if (upto > content_from) {
      Tok t;
      t.kind = TokKind::kContent;
      t.value = xml.substr(content_from, upto - content_from);
      raw.push_back(std::move(t));
    }
  };
  while (cursor < xml.size()) {
    size_t lt = xml.find('<', cursor);
    if (lt == std::string::npos) break;
    size_t gt = xml.find('>', lt);
    if (gt == std::string::npos) break;
    std::string tag_text = xml.substr(lt, gt + 1 - lt);
    std::string name;
    TagPos pos;
    TagNameAndPos(tag_text, &name, &pos);
    cursor = gt + 1;
    bool is_text = TextTags().count(name) > 0;
    if (!is_text && !LexedTags().count(name)) continue;
    flush_content(lt);
    Tok t;
    t.kind = TokKind::kTag;
    t.pos = pos;
    t.text = is_text;
    t.tag = std::move(name);
    t.value = std::move(tag_text);
    raw.push_back(std::move(t));
    content_from = cursor;
  }
  flush_content(xml.size());

  // 2. Which content is text inside w:t; the concatenated text.
  std::string full;
  bool in_text = false;
  for (Tok& t : raw) {
    if (t.kind == TokKind::kTag && t.text) {
      if (t.pos == TagPos::kStart)
        in_text = true;
      else if (t.pos == TagPos::kEnd)
        in_text = false;
    } else if (t.kind == TokKind::kContent && in_text) {
      t.inside = true;
      t.value = ReplaceGt(t.value);
      full += t.value;
    }
  }

  // 3. Delimiters and their errors.
  std::vector<Delim> matches;
  for (size_t i = 0; i < full.size(); ++i) {
    if (full[i] == '{')
      matches.push_back({i, true});
    else if (full[i] == '}')
      matches.push_back({i, false});
  }
  std::vector<Delim> delims = CheckDelimiters(matches, full, part, errors);

  // 4. Split text content at the delimiters; mark w:t elements holding delimiters.
  std::vector<Tok> lexed;
  lexed.reserve(raw.size() + delims.size() * 2);
  size_t offset = 0;
  size_t di = 0;
  size_t cut_next = 0;
  int lindex = 0;
  long last_wt = -1;
  for (Tok& t : raw) {
    if (!(t.kind == TokKind::kContent && t.inside)) {
      if (t.kind == TokKind::kTag && t.text && t.pos == TagPos::kStart && t.tag == "w:t") {
        last_wt = static_cast<long>(lexed.size());
      }
      t.lindex = lindex++;
      lexed.push_back(std::move(t));
      continue;
    }
    const std::string& text = t.value;
    size_t range_end = offset + text.size();
    size_t pos = cut_next;
    cut_next = 0;
    bool had_delim = false;
    while (di < delims.size() && delims[di].offset >= offset && delims[di].offset < range_end) {
      size_t local = delims[di].offset - offset;
      if (local > pos) {
        Tok c;
        c.kind = TokKind::kContent;
        c.inside = true;
        c.value = text.substr(pos, local - pos);
        c.lindex = lindex++;
        lexed.push_back(std::move(c));
      }
      Tok d;
      d.kind = TokKind::kDelimiter;
      d.pos = delims[di].start ? TagPos::kStart : TagPos::kEnd;
      d.lindex = lindex++;
      lexed.push_back(std::move(d));
      pos = local + 1;
      had_delim = true;
      ++di;
    }
    if (pos > text.size()) cut_next = pos - text.size();
    if (pos < text.size()) {
      Tok c;
      c.kind = TokKind::kContent;
      c.inside = true;
      c.value = text.substr(pos);
      c.lindex = lindex++;
      lexed.push_back(std::move(c));
    }
    if (had_delim && last_wt >= 0) {
      std::string& v = lexed[last_wt].value;
      if (v.find("xml:space=\"preserve\"") == std::string::npos && v.size() >= 2 &&
          v[v.size() - 2] != '/') {
        v.insert(v.size() - 1, " xml:space=\"preserve\"");
      }
    }
    offset = range_end;
  }

  // 5. Fold each {...} into one placeholder; the XML it spanned follows it.
  toks->clear();
  toks->reserve(lexed.size());
  bool in_ph = false;
  std::string content;
  std::vector<Tok> tail;
  for (Tok& t : lexed) {
    if (t.kind == TokKind::kDelimiter) {
      if (t.pos == TagPos::kEnd) {
        Tok ph;
        ph.lindex = t.lindex;
        std::string text = DecodeEntities(content);
        // A no-break space in a tag reads as a space (Word inserts them freely).
        for (size_t p; (p = text.find("\xC2\xA0")) != std::string::npos;) text.replace(p, 2, " ");
        ph.value = text;
        if (!text.empty() && (text[0] == '#' || text[0] == '^')) {
          ph.kind = TokKind::kLoopOpen;
          ph.inverted = text[0] == '^';
          ph.expr_text = text.substr(1);
        } else if (!text.empty() && text[0] == '/') {
          ph.kind = TokKind::kLoopClose;
          ph.expr_text = text.substr(1);
        } else {
          ph.kind = TokKind::kValue;
          ph.expr_text = text;
        }
        toks->push_back(std::move(ph));
        for (Tok& x : tail) toks->push_back(std::move(x));
        tail.clear();
      } else {
        tail.clear();
      }
      in_ph = t.pos == TagPos::kStart;
      content.clear();
      continue;
    }
    if (!in_ph) {
      toks->push_back(std::move(t));
      continue;
    }
    if (!(t.kind == TokKind::kContent && t.inside)) {
      if (t.kind == TokKind::kTag && DroppedInsidePlaceholder(t.tag)) continue;
      tail.push_back(std::move(t));
      continue;
    }
    content += t.value;
  }

  // 6. Run properties in force at each placeholder (line breaks repeat them).
  std::string recorded;
  bool recording = false;
  for (Tok& t : *toks) {
    if (t.kind == TokKind::kTag && t.tag == "w:r") {
      recorded.clear();
    } else if (t.kind == TokKind::kTag && t.tag == "w:rPr") {
      if (t.pos == TagPos::kStart) {
        recording = true;
        recorded += t.value;
      } else {
        recorded += t.value;
        recording = false;
      }
    } else if (t.kind == TokKind::kValue) {
      t.run_props = recorded;
    } else if (recording) {
      recorded += t.value;
    }
  }
}

}  // namespace koop::docx
