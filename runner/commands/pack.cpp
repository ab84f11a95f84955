// `koop pack INSTANCE PACK -o DIR` — render a stage's document pack (DESIGN.md §9): every document
// of the workflow's <k:pack id="PACK"> filled from the instance's data and its municipality's
// document wording, plus manifest.json. `koop pack INSTANCE --list` lists the workflow's packs.
#include "koop/pack.h"

#include <Poco/Util/Option.h>

#include <ostream>

#include "engine_options.h"
#include "resource_dirs.h"

namespace koop::runner {
namespace {

PackOptions Options(const Invocation& inv) {
  PackOptions o;
  o.templates_dir = DirOrDefault(inv, Resource::kTemplates);
  o.blanks = !inv.Has("strict");
  return o;
}

int Run(Invocation& inv) {
  Result<std::unique_ptr<Database>> db = OpenDatabase(inv, /*create_if_missing=*/false);
  if (!db.ok()) return inv.Fail(db.status());
  PackOptions options = Options(inv);
  if (inv.Has("list")) {
    auto view = (*db)->instances().Show(inv.positional[0]);
    if (!view.ok()) return inv.Fail(view.status());
    std::string workflows = DirOrDefault(inv, Resource::kWorkflows);
    auto packs = ListPacks(workflows + "/" + view->workflow_id + ".scxml");
    if (!packs.ok()) return inv.Fail(packs.status());
    for (const auto& p : *packs) {
      *inv.out << p.id << "\t" << p.title << "\t" << p.state << "\n";
    }
    return 0;
  }
  if (inv.positional.size() != 2 || !inv.Has("output")) {
    return inv.Fail(Status::Usage("pack: usage: koop pack INSTANCE PACK -o DIR"));
  }
  Result<TimeMs> at = inv.Now();
  if (!at.ok()) return inv.Fail(at.status());
  auto pack =
      (*db)->RenderPack(inv.positional[0], inv.positional[1], inv.Get("output"), *at, options);
  if (!pack.ok()) return inv.Fail(pack.status());
  if (!pack->state_active) {
    *inv.err << "koop: note: the stage of pack '" << pack->pack_id << "' (" << pack->state
             << ") is not active now\n";
  }
  for (const auto& d : pack->documents) *inv.out << inv.Get("output") << "/" << d.file << "\n";
  *inv.out << pack->manifest_path << "\n";
  return 0;
}

void Define(Poco::Util::OptionSet& options) {
  options.addOption(Poco::Util::Option("output", "o", "output folder").argument("DIR"));
  options.addOption(Poco::Util::Option("strict", "",
                                       "a missing value is an error "
                                       "(default: a dotted fill-in line)"));
  options.addOption(Poco::Util::Option("list", "", "list the packs of the instance's workflow"));
  options.addOption(Poco::Util::Option("templates", "",
                                       "folder of templates (default: config "
                                       "templates.dir or doc-templates)")
                        .argument("DIR"));
  options.addOption(Poco::Util::Option("workflows", "",
                                       "folder of workflow definitions "
                                       "(default: config workflows.dir or workflows)")
                        .argument("DIR"));
  options.addOption(Poco::Util::Option("municipalities", "",
                                       "folder of municipality files "
                                       "(default: config municipalities.dir or samples)")
                        .argument("DIR"));
}

}  // namespace

extern const CommandSpec kPackCommand = {"pack",
                                         "INSTANCE PACK -o DIR [--strict] | INSTANCE --list",
                                         "render a stage's document pack",
                                         Define,
                                         Run,
                                         1,
                                         2};

}  // namespace koop::runner
