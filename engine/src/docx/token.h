// The compiled form of one template part: a flat list of tokens in document order, where a
// loop token owns the tokens of its body. Tokens are made once when a template is opened
// (lexer.cpp, loops.cpp) and only read while rendering (renderer.cpp), so a compiled template
// can be shared between threads.
//
// The token model follows docxtemplater's: XML tags that matter for structure (w:p, w:r, w:tc,
// w:tr, w:t, ...) are tokens of their own, everything else between them is literal content, and
// the text inside w:t is further split at the tag delimiters.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace koop::docx {

struct Expr;  // expression.h

enum class TokKind : uint8_t {
  kTag,        // one XML tag of a lexed element: "<w:p w:rsidR=\"00A1\">", "</w:tc>", "<w:br/>"
  kContent,    // literal XML or text between lexed tags
  kDelimiter,  // "{" or "}" (only between lexing and parsing)
  kValue,      // {expr}
  kLoopOpen,   // {#expr} or {^expr}; after pairing owns `sub`
  kLoopClose,  // {/expr} (only before pairing)
};

enum class TagPos : uint8_t { kNone, kStart, kEnd, kSelfClosing };

// Per-loop facts computed at compile time (see loops.cpp; they mirror docxtemplater's loop
// module so page and section breaks come out the same).
struct LoopInfo {
  bool paragraph_loop = false;         // start/end tags alone in their paragraphs
  bool inside_paragraph_loop = false;  // body does not start inside a w:t
  bool has_page_break = false;         // the dropped closing paragraph held a page break
  bool has_page_break_beginning = false;
  bool last_is_paragraph_end = false;  // body's last token is "</w:p>"
  bool body_ends_with_table = false;   // body ends with "</w:tbl>": repeating it may need repair
  int sect_pr_count = 0;               // sections with header/footer references in the body
  bool add_continuous_type = false;
  int add_next_page = -1;  // index into the part's section list, or -1
  std::string last_paragraph_sect_pr;
  std::string expand_to;  // "", "w:p" or "w:tr" (for `koop tags`)
};

struct Tok {
  TokKind kind = TokKind::kContent;
  TagPos pos = TagPos::kNone;
  bool text = false;    // kTag: a text element (w:t, a:t, m:t)
  bool inside = false;  // kContent: text inside a text element
  int lindex = 0;       // position in lexing order (for section logic and messages)
  std::string tag;      // kTag: element name ("w:p")
  std::string value;    // kTag/kContent: raw XML; placeholders: the tag text, entities decoded
  // Placeholders.
  std::string expr_text;             // the tag text after the prefix (#, ^, /)
  std::shared_ptr<const Expr> expr;  // compiled expression (kValue, kLoopOpen)
  bool inverted = false;             // {^...}
  std::string run_props;             // <w:rPr> of the run holding the tag, for line breaks
  // Loops after pairing.
  std::vector<Tok> sub;
  std::shared_ptr<LoopInfo> loop;
};

// A problem found in a template: the part, the tag as written and an explanation.
struct TemplateError {
  std::string part;
  std::string id;  // docxtemplater's error id, e.g. "unclosed_tag"
  std::string tag;
  std::string message;
};

}  // namespace koop::docx
