// `koop init` — create the database (or bring its schema up to date) and report its version.
#include <ostream>

#include "engine_options.h"

namespace koop::runner {
namespace {

int Run(Invocation& inv) {
  Result<std::unique_ptr<Database>> db = OpenDatabase(inv, /*create_if_missing=*/true);
  if (!db.ok()) return inv.Fail(db.status());
  const Database& e = **db;
  *inv.out << e.name() << ": schema version " << e.schema_version();
  if (e.applied_migrations() > 0) {
    *inv.out << " (applied " << e.applied_migrations() << " migration"
             << (e.applied_migrations() == 1 ? "" : "s") << ")";
  } else {
    *inv.out << " (up to date)";
  }
  *inv.out << '\n';
  return 0;
}

}  // namespace

extern const CommandSpec kInitCommand = {
    "init", "", "create the database or migrate it to the current schema", nullptr, Run, 0, 0};

}  // namespace koop::runner
