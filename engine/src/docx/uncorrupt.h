// Repairs the XML structures that removing loop bodies can break, as docxtemplater does after
// rendering: a paragraph after every table where Word needs one, an empty paragraph in table
// cells and content controls left empty, and rows without cells or tables without rows removed.
#pragma once

#include <string>

namespace koop::docx {

// Works in place; the string is only rebuilt when something changes.
void Uncorrupt(std::string* xml);

}  // namespace koop::docx
