// `koop tags TEMPLATE.docx` — the tags and loops a template uses, as JSON (docs/templates.md).
#include <ostream>

#include "command.h"
#include "koop/docx.h"

namespace koop::runner {
namespace {

int Run(Invocation& inv) {
  Result<DocxTemplate> tmpl = DocxTemplate::Open(inv.positional[0]);
  if (!tmpl.ok()) return inv.Fail(tmpl.status());
  *inv.out << tmpl->TagsJson() << '\n';
  return 0;
}

}  // namespace

extern const CommandSpec kTagsCommand = {
    "tags", "TEMPLATE.docx", "list the tags and loops a template uses, as JSON", nullptr, Run, 1,
    1};

}  // namespace koop::runner
