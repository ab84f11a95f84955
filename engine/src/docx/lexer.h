// From the XML text of one part to a flat token list with placeholders: splits the XML at the
// structural tags, finds "{" and "}" in the concatenated w:t text (tags may span runs,
// paragraphs, proofing marks and bookmarks) and folds each tag into one placeholder token at
// the position of its "{", moving the XML it spanned after it. Delimiter errors (unclosed,
// unopened, duplicate open/close) are reported for the whole part at once.
#pragma once

#include <string>
#include <vector>

#include "docx/token.h"

namespace koop::docx {

void LexPart(const std::string& part, const std::string& xml, std::vector<Tok>* toks,
             std::vector<TemplateError>* errors);

// Replaces &amp; &lt; &gt; &quot; &apos; by their characters.
std::string DecodeEntities(const std::string& s);
// Escapes & < > " ' for element text.
void AppendEscaped(std::string* out, const std::string& s);

}  // namespace koop::docx
