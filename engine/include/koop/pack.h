// Document packs: the documents a stage of a workflow produces (DESIGN.md §4, <k:pack>), rendered
// for one instance from its data, its municipality's document wording and the templates.
//
//   koop::PackOptions options;                     // folders relative to the working directory
//   auto engine = koop::Engine::Open({...});
//   auto pack = koop::RenderPack(**engine, "12", "founding.meeting", "out/", at, options);
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
#include "koop/engine.h"
#include "koop/status.h"

namespace koop {

struct PackOptions {
  std::string templates_dir = "doc-templates";
  std::string workflows_dir = "workflows";
  std::string municipalities_dir = "samples";
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

// Renders pack `pack_id` of instance `instance_id` into `out_dir` (created if missing) and writes
// manifest.json there. Nothing is written unless every document renders: documents go to a
// temporary folder first. Errors: kNoInput (unknown instance, pack, template), kDataError (bad
// data, template errors with their place), kIoError.
Result<PackInfo> RenderPack(Engine& engine, const std::string& instance_id,
                            const std::string& pack_id, const std::string& out_dir, TimeMs at,
                            const PackOptions& options);

// The ids and titles of the packs a workflow declares, in document order (for `koop pack --list`).
struct PackListing {
  std::string id, title, state, state_title;
};
Result<std::vector<PackListing>> ListPacks(const std::string& workflow_path);

// The manifest of a rendered pack as JSON text (what manifest.json holds).
std::string PackManifestJson(const PackInfo& info, TimeMs at);

}  // namespace koop
