// DOCX templates: Word/LibreOffice documents with {tags}, filled from JSON data. The syntax is
// docxtemplater's (paragraphLoop and linebreaks on, its expression parser) plus Polish filters;
// docs/templates.md is the authors' reference.
//
// A DocxTemplate is opened and compiled once and can then render any number of documents. It is
// immutable after Open: concurrent Render calls on one instance are safe. Copies share the
// compiled form.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "koop/status.h"

namespace koop {

namespace docx {
struct CompiledTemplate;
struct TemplateAccess;  // engine/src/docx/template_access.h
}  // namespace docx

struct RenderOptions {
  // Missing values render as a dotted fill-in line ("…………") instead of failing the render.
  bool blanks = false;
  // The output path is a new file in a private staging folder whose files are moved into place
  // together by FileEnv::MoveFilesInto (which makes them durable first): a document pack.
  bool staged = false;
};

class DocxTemplate {
 public:
  // Reads and compiles a template. Errors: 66 missing file, 74 unreadable, 65 not a DOCX,
  // hostile zip or XML, or template errors (all of them, each with part, tag and explanation).
  static Result<DocxTemplate> Open(const std::string& path);

  // Renders one document from JSON text (an object) and writes it to `out_path` through a
  // temporary file and a rename: on any error no file is left. Errors: 65 invalid JSON, missing
  // values (all listed) or filter errors; 74 cannot write.
  Status Render(const std::string& json_text, const RenderOptions& options,
                const std::string& out_path) const;

  // The tags and loop structure as JSON (see docs/templates.md, `koop tags`).
  std::string TagsJson() const;

  const std::string& path() const;

 private:
  friend struct docx::TemplateAccess;
  explicit DocxTemplate(std::shared_ptr<const docx::CompiledTemplate> impl)
      : impl_(std::move(impl)) {}
  std::shared_ptr<const docx::CompiledTemplate> impl_;
};

struct MailMergeOptions {
  RenderOptions render;
  // File name of each document, with {path} tags filled from that line's data, e.g.
  // "zaproszenie-{instytucja.nazwa}.docx"; empty: "dokument-{n}.docx" where {n} is the line
  // number. Names are made safe (no '/', control characters or leading dots) and unique.
  std::string name_pattern;
};

struct MailMergeResult {
  int documents = 0;
  std::vector<std::string> files;  // written, in input order
};

// Renders one document per non-empty line of a JSON Lines file into `out_dir` (created if
// missing). Everything is checked before anything is written: a bad line (with its line number)
// or a missing value fails the whole merge and no file is left.
Result<MailMergeResult> MailMerge(const DocxTemplate& tmpl, const std::string& jsonl_path,
                                  const std::string& out_dir, const MailMergeOptions& options);

// Converts a .docx to PDF with LibreOffice (`soffice --headless --convert-to pdf`) into the
// folder of `pdf_path`. Errors: 70 when LibreOffice is not installed, 74 when it fails.
Status ConvertToPdf(const std::string& docx_path, const std::string& pdf_path);

}  // namespace koop
