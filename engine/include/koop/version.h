// The engine's release and the database schema it writes: `koop --version` prints both, and the
// package's upgrade notes refer to the schema version.
#pragma once

namespace koop {

// The schema version this build migrates databases to (a newer database is refused).
int SchemaVersion();

}  // namespace koop
