// Municipality files (docs/municipality.md) as `koop validate` checks them. Loading them for
// instances is done by Engine::Start.
#pragma once

#include <string>

#include "koop/status.h"

namespace koop {

// Whether the file at `path` is a municipality file: its root element is <municipality> (the
// extension does not matter). False when it cannot be read.
bool IsMunicipalityFile(const std::string& path);

// Checks a municipality file: the file itself (elements, attributes, ids, dates, office hours)
// and its fit with the workflows it picks, looked up in `workflows_dir` as `koop start` does
// (DIR/REF.xml, DIR/REF.scxml; without a <workflows> list every workflow there): they exist and
// load, every bound parameter is declared by one of them and has its type, every role their
// deadlines address is held by an institution or a contact. Every problem at once, sorted by
// place, one per line as "file:line:col: message" (kDataError); kNoInput for a missing file.
Status ValidateMunicipalityFile(const std::string& path, const std::string& workflows_dir);

}  // namespace koop
