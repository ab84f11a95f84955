#include "docx/uncorrupt.h"

#include <initializer_list>

namespace koop::docx {
namespace {

bool StartsAt(const std::string& s, size_t p, const std::string& name) {
  if (p + name.size() + 2 > s.size() || s[p] != '<' || s.compare(p + 1, name.size(), name) != 0) {
    return false;
  }
  char c = s[p + 1 + name.size()];
  return c == '>' || c == ' ' || c == '/';
}

size_t FindStart(const std::string& s, const std::string& name, size_t from) {
  std::string needle = "<" + name;
  for (size_t p = s.find(needle, from); p != std::string::npos; p = s.find(needle, p + 1)) {
    if (StartsAt(s, p, name)) return p;
  }
  return std::string::npos;
}

void AddParagraphAfterTables(std::string* io) {
  static const std::string kEnd = "</w:tbl>";
  const std::string& s = *io;
  if (s.find(kEnd) == std::string::npos) return;
  std::string out;
  size_t copied = 0;
  for (size_t p = s.find(kEnd); p != std::string::npos; p = s.find(kEnd, p + 1)) {
    size_t j = p + kEnd.size();
    while (j < s.size()) {
      char c = s[j];
      if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
        ++j;
      } else if (s.compare(j, 14, "<w:bookmarkEnd") == 0) {
        size_t gt = s.find('>', j);
        if (gt == std::string::npos) break;
        j = gt + 1;
      } else {
        break;
      }
    }
    if (j >= s.size()) continue;
    bool ok = s.compare(j, 4, "<w:p") == 0 || s.compare(j, 6, "<w:tbl") == 0 ||
              s.compare(j, 9, "<w:sectPr") == 0 || s.compare(j, 8, "</w:ftr>") == 0 ||
              s.compare(j, 8, "</w:hdr>") == 0;
    if (ok) continue;
    if (out.empty()) out.reserve(s.size() + 64);
    out.append(s, copied, j - copied);
    out += "<w:p/>";
    copied = j;
  }
  if (copied == 0) return;
  out.append(s, copied, std::string::npos);
  io->swap(out);
}

void ApplyRule(std::string* io, const std::string& tag,
               std::initializer_list<const char*> should_contain, const char* value, bool drop) {
  const std::string& s = *io;
  const std::string end_tag = "</" + tag + ">";
  std::string out;
  size_t copied = 0;
  size_t scan = 0;
  bool changed = false;
  while (true) {
    size_t p = FindStart(s, tag, scan);
    if (p == std::string::npos) break;
    size_t gt = s.find('>', p);
    if (gt == std::string::npos) break;
    if (s[gt - 1] == '/') {  // self-closing: an element that cannot be empty
      out.append(s, copied, p - copied);
      copied = gt + 1;
      scan = gt + 1;
      changed = true;
      continue;
    }
    size_t e = s.find(end_tag, gt);
    if (e == std::string::npos) break;
    size_t c = std::string::npos;
    for (const char* name : should_contain) {
      size_t q = FindStart(s, name, gt + 1);
      if (q < c) c = q;
    }
    if (c < e) {
      scan = c;
      continue;
    }
    if (drop) {
      out.append(s, copied, p - copied);
      copied = e + end_tag.size();
    } else {
      out.append(s, copied, e - copied);
      out += value;
      copied = e;
    }
    scan = e + end_tag.size();
    changed = true;
  }
  if (!changed) return;
  out.append(s, copied, std::string::npos);
  io->swap(out);
}

}  // namespace

void Uncorrupt(std::string* xml) {
  AddParagraphAfterTables(xml);
  ApplyRule(xml, "w:sdtContent", {"w:p", "w:r", "w:commentRangeStart", "w:sdt"}, "<w:p></w:p>",
            false);
  ApplyRule(xml, "w:tc", {"w:p"}, "<w:p></w:p>", false);
  ApplyRule(xml, "w:tr", {"w:tc"}, "", true);
  ApplyRule(xml, "w:tbl", {"w:tr"}, "", true);
}

}  // namespace koop::docx
