// Document packs: the documents a stage of a workflow produces (DESIGN.md §4, <k:pack>), rendered
// for one instance from its data, its municipality's document wording and the templates.
//
//   koop::PackOptions options;                     // folders relative to the working directory
//   auto db = koop::Database::Open({...});
//   auto pack = (*db)->RenderPack("12", "founding.meeting", "out/", at, options);
//
// The data given to each template is, from the weakest to the strongest: the municipality's
// document file (<municipalities_dir>/documents/<id>.json, see docs/municipality.md), the
// workflow's parameters under `param` (dots in names become underscores), the instance's data
// model, `dokument.data` = the day of `at`, and for a <k:document foreach=... as=...> the list
// item under its `as` name. A municipality may swap a template for another in the "szablony" map
// of its document file (a variant without copying the workflow).
#pragma once

#include <string>
#include <vector>

#include "koop/clock.h"
#include "koop/status.h"

namespace koop {

struct PackOptions {
  std::string templates_dir = "doc-templates";
  // Missing values: true renders a dotted fill-in line (a form to complete by hand), false makes
  // every missing value an error (kDataError listing them).
  bool blanks = true;
};

struct PackDocumentInfo {
  std::string file;  // name inside the output folder
  std::string template_file;
  int item = -1;  // index in the foreach list, -1 for a single document
};

struct PackInfo {
  std::string instance_id;
  std::string workflow_id;
  std::string municipality_id;
  std::string pack_id;
  std::string title;  // the pack's Polish title
  std::string state;  // the state that declares the pack
  std::string state_title;
  bool state_active = false;  // whether that state is active now
  std::vector<PackDocumentInfo> documents;
  std::string manifest_path;  // <out_dir>/manifest.json
};

// The ids and titles of the packs a workflow declares, in document order (for `koop pack --list`).
struct PackListing {
  std::string id, title, state, state_title;
};
Result<std::vector<PackListing>> ListPacks(const std::string& workflow_path);

// The manifest of a rendered pack as JSON text (what manifest.json holds).
std::string PackManifestJson(const PackInfo& info, TimeMs at);

}  // namespace koop
