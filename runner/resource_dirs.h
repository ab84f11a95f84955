// Where `koop` finds its shipped files — workflows (with their rules), municipalities, document
// templates and samples — wherever it is run from. One look-up order for every command (DESIGN
// §13): the command's option, the configuration key, the current folder, then the installed data
// folder (`/usr/share/koop`, or `../share/koop` beside the running binary so that an unpacked
// package works in any root). The configuration file has its own order (ConfigFileCandidates).
#pragma once

#include <string>
#include <vector>

#include "command.h"
#include "koop/status.h"

namespace koop::runner {

// kWeb: the web application's page templates and stylesheet (server/web in the repository, web/ in
// the installed data folder).
enum class Resource { kWorkflows, kMunicipalities, kTemplates, kSamples, kWeb };

// The folder for `what`; kNoInput (66) naming every place looked at when none exists.
Result<std::string> LocateDir(const Invocation& inv, Resource what);

// LocateDir's folder, or the bare default folder name when none exists (for commands that may not
// need it: the engine then names the file it could not open).
std::string DirOrDefault(const Invocation& inv, Resource what);

// The installed data folders, most specific first: `<binary>/../share/koop`, then the compiled-in
// `${CMAKE_INSTALL_FULL_DATADIR}/koop`.
std::vector<std::string> InstalledDataDirs();

// Configuration files tried when --config is not given: ./koop.properties, then the installed
// /etc/koop/koop.properties.
std::vector<std::string> ConfigFileCandidates();

}  // namespace koop::runner
