// Bounds on what a template may ask for, so a small hostile or careless template gets a clear
// error (65, naming the part and the tag) instead of exhausting the stack, memory or time.
// Every bound is far above what real templates use (docs/templates.md, "Limits").
#pragma once

#include <cstddef>
#include <cstdint>

namespace koop::docx {

// Characters of one tag's expression ({...} without the braces).
constexpr size_t kMaxExprLength = 1000;
// Nesting of one expression: parentheses, brackets, unary operators, ?:, and the depth of its
// syntax tree (member chains, operator chains, filter chains).
constexpr int kMaxExprDepth = 64;
// Loops inside loops ({#a}{#b}...{/b}{/a}) in one part.
constexpr int kMaxLoopDepth = 32;
// Placeholders ({...}) in one part.
constexpr size_t kMaxTagsPerPart = 20000;
// Attributes on one XML element of a part (libxml2 checks duplicates in quadratic time).
constexpr size_t kMaxXmlAttributes = 1000;
// Bytes of all rendered parts of one document, and tokens rendered for it (loops over loops
// multiply both; the token budget also bounds loops whose bodies produce no text).
constexpr uint64_t kMaxOutputBytes = 128ull << 20;
constexpr uint64_t kMaxRenderSteps = 10'000'000;

}  // namespace koop::docx
