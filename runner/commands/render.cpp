// `koop render TEMPLATE.docx DATA.json -o OUT.docx [--blanks] [--pdf]` fills one template;
// with DATA.jsonl and -o DIR/ it renders one document per line (mail merge) named by --name.
#include <Poco/File.h>
#include <Poco/Util/Option.h>

#include <ostream>

#include "command.h"
#include "koop/docx.h"
#include "koop/file_env.h"

namespace koop::runner {
namespace {

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Render data beyond this is refused (65) rather than read into memory.
constexpr uint64_t kMaxDataBytes = 64ull << 20;

std::string PdfPathFor(const std::string& docx) {
  return (EndsWith(docx, ".docx") ? docx.substr(0, docx.size() - 5) : docx) + ".pdf";
}

int Run(Invocation& inv) {
  if (inv.positional.size() != 2) {
    return inv.Fail(Status::Usage("render needs TEMPLATE.docx and DATA.json (or DATA.jsonl)"));
  }
  if (!inv.Has("output")) return inv.Fail(Status::Usage("render needs -o OUT.docx (or -o DIR/)"));
  const std::string& template_path = inv.positional[0];
  const std::string& data_path = inv.positional[1];
  const std::string out = inv.Get("output");
  RenderOptions options;
  options.blanks = inv.Has("blanks");
  bool merge = EndsWith(data_path, ".jsonl") || EndsWith(data_path, ".ndjson");

  if (!Poco::File(data_path).exists())
    return inv.Fail(Status::NoInput(data_path + ": no such file"));
  Result<DocxTemplate> tmpl = DocxTemplate::Open(template_path);
  if (!tmpl.ok()) return inv.Fail(tmpl.status());

  if (merge) {
    MailMergeOptions mo;
    mo.render = options;
    mo.name_pattern = inv.Get("name");
    Result<MailMergeResult> r = MailMerge(*tmpl, data_path, out, mo);
    if (!r.ok()) return inv.Fail(r.status());
    for (const std::string& f : r->files) {
      if (inv.Has("pdf")) {
        Status s = ConvertToPdf(f, PdfPathFor(f));
        if (!s.ok()) return inv.Fail(s);
      }
      *inv.out << f << '\n';
    }
    return 0;
  }
  if (inv.Has("name")) return inv.Fail(Status::Usage("--name applies to DATA.jsonl mail merges"));
  Result<std::string> json = DefaultFileEnv().ReadFile(data_path, kMaxDataBytes);
  if (!json.ok()) return inv.Fail(json.status());
  // Refused before any work: -o replaces only a regular file (docs/files.md).
  Status replaceable = DefaultFileEnv().CheckReplaceable(out);
  if (replaceable.ok() && inv.Has("pdf")) {
    replaceable = DefaultFileEnv().CheckReplaceable(PdfPathFor(out));
  }
  if (!replaceable.ok()) return inv.Fail(replaceable);
  Status s = tmpl->Render(*json, options, out);
  if (!s.ok() && s.message().starts_with("data:")) {
    // The engine calls the render data "data"; here it is the file.
    return inv.Fail(Status(s.code(), data_path + s.message().substr(4)));
  }
  if (!s.ok()) return inv.Fail(s.WithContext(data_path));
  if (inv.Has("pdf")) {
    s = ConvertToPdf(out, PdfPathFor(out));
    if (!s.ok()) return inv.Fail(s);
  }
  return 0;
}

void Define(Poco::Util::OptionSet& options) {
  options.addOption(
      Poco::Util::Option("output", "o", "output .docx, or folder for DATA.jsonl").argument("OUT"));
  options.addOption(
      Poco::Util::Option("blanks", "", "render missing values as dotted fill-in lines"));
  options.addOption(Poco::Util::Option("pdf", "", "also convert to PDF with LibreOffice"));
  options.addOption(Poco::Util::Option("name", "",
                                       "file name pattern for mail merge, e.g. "
                                       "\"zaproszenie-{instytucja.nazwa}.docx\"")
                        .argument("PATTERN"));
}

}  // namespace

extern const CommandSpec kRenderCommand = {
    "render",
    "TEMPLATE.docx DATA.json|DATA.jsonl -o OUT.docx|DIR/ [--blanks] [--pdf] [--name PATTERN]",
    "fill a template (one document, or one per JSON line)",
    Define,
    Run,
    2,
    2};

}  // namespace koop::runner
