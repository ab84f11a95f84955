// Repairs the XML structures that removing loop bodies can break, as docxtemplater does after
// rendering: a paragraph after every table where Word needs one, an empty paragraph in table
// cells and content controls left empty, and rows without cells or tables without rows removed.
#pragma once

#include <string>

namespace koop::docx {

std::string Uncorrupt(const std::string& xml);

}  // namespace koop::docx
