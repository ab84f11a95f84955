// Pairs {#x}/{^x} with their {/x} (or {/}), decides how far each loop reaches (inline, whole
// paragraphs, or a whole table row) and nests the body tokens under the opening token. The
// rules and the error ids are docxtemplater's (paragraphLoop: true), so page and section
// breaks inside loops and table-row loops come out the same.
#pragma once

#include <string>
#include <vector>

#include "docx/token.h"

namespace koop::docx {

// A <w:sectPr> of the main part, for loops that contain section breaks.
struct Section {
  int first_lindex = 0;
  std::string xml;
  bool continuous = false;
  bool next_page = false;
};

struct PartContext {
  std::string part;
  std::vector<Section> sections;  // empty for headers, footers, notes
};

// Collects the sections of a (main) part's tokens.
std::vector<Section> CollectSections(const std::vector<Tok>& toks);

// Returns the nested token list; errors are appended (the list is then unusable).
std::vector<Tok> PairLoops(std::vector<Tok> toks, const PartContext& ctx,
                           std::vector<TemplateError>* errors);

}  // namespace koop::docx
