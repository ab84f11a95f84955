// A template opened and compiled once: the archive bytes plus, for every part that carries
// text, its token list. Immutable after CompileTemplate, so one instance serves any number of
// renders, also from several threads.
#pragma once

#include <atomic>
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
  bool dynamic = false;           // false: copied from the template unchanged
  bool always_repair = false;     // the template part itself needs docxtemplater's repairs
  std::vector<Tok> toks;          // when dynamic
  std::vector<Section> sections;  // main part: its section properties
  size_t size_hint = 0;           // template part size, to reserve output
  std::string original;           // when dynamic: the template's XML of the part
  // Size of the last rendered output, to reserve the right size up front next time (growing a
  // multi-megabyte string by doubling costs more than rendering it).
  std::shared_ptr<std::atomic<size_t>> size_seen = std::make_shared<std::atomic<size_t>>(0);
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
