// A template opened and compiled once: the archive bytes plus, for every part that carries
// text, its token list. Immutable after CompileTemplate, so one instance serves any number of
// renders, also from several threads.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "docx/loops.h"
#include "docx/token.h"
#include "docx/zip_archive.h"
#include "koop/status.h"

namespace koop::docx {

struct CompiledPart {
  std::string name;
  bool is_main = false;
  bool dynamic = false;   // false: copied from the template unchanged
  std::vector<Tok> toks;  // when dynamic
  std::vector<Section> sections;  // main part: its section properties
  size_t size_hint = 0;           // template part size, to reserve output
};

struct CompiledTemplate {
  std::string path;
  std::shared_ptr<const ZipArchive> zip;
  std::vector<CompiledPart> parts;
};

// Opens and compiles; all template errors are reported at once (code 65), each with its part,
// tag and explanation.
Result<std::shared_ptr<const CompiledTemplate>> CompileTemplate(const std::string& path);

// Formats template errors: "<label>: N template error(s):\n  part: tag "x": explanation".
std::string FormatErrors(const std::string& label, const std::vector<TemplateError>& errors);

}  // namespace koop::docx
