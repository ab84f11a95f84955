#include "koop/version.h"
#include "store/migrations.h"

namespace koop {

int SchemaVersion() { return store::LatestSchemaVersion(); }

}  // namespace koop
