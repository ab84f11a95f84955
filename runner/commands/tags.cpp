// `koop tags` — list the tags and loops a template uses, as JSON
#include "command.h"

namespace koop::runner {
namespace {

int Run(Invocation& inv) { return NotImplemented(inv, "tags"); }

}  // namespace

extern const CommandSpec kTagsCommand = {"tags", "TEMPLATE.docx", "list the tags and loops a template uses, as JSON", nullptr, Run, 0, -1};

}  // namespace koop::runner
