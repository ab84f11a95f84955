// `koop render` — fill a template (one document, or one per JSON line)
#include "command.h"

namespace koop::runner {
namespace {

int Run(Invocation& inv) { return NotImplemented(inv, "render"); }

}  // namespace

extern const CommandSpec kRenderCommand = {"render", "TEMPLATE.docx DATA.json|DATA.jsonl -o OUT.docx|DIR/ [--blanks] [--pdf] [--name PATTERN]", "fill a template (one document, or one per JSON line)", nullptr, Run, 0, -1};

}  // namespace koop::runner
