// RenderPack: renders every document of a <k:pack> into a temporary folder, then moves the files
// into place and writes manifest.json last (through a temporary file), so a failure leaves the
// output folder as it was.
#include "pack/pack_render.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <filesystem>
#include <set>

#include "koop/docx.h"
#include "koop/file_env.h"
#include "koop/pack.h"
#include "pack/pack_context.h"
#include "pack/pack_plan.h"

namespace koop {

namespace fs = std::filesystem;
using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

std::string Unique(std::string name, std::set<std::string>& used) {
  if (name.size() < 5 || name.substr(name.size() - 5) != ".docx") name += ".docx";
  std::string base = name.substr(0, name.size() - 5);
  for (int i = 2; !used.insert(name).second; ++i) name = base + "-" + std::to_string(i) + ".docx";
  return name;
}

}  // namespace

std::string PackManifestJson(const PackInfo& info, TimeMs at) {
  Object::Ptr root = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  root->set("instance", info.instance_id);
  root->set("workflow", info.workflow_id);
  root->set("municipality", info.municipality_id);
  root->set("pack", info.pack_id);
  root->set("title", info.title);
  root->set("state", info.state);
  root->set("stateTitle", info.state_title);
  root->set("stateActive", info.state_active);
  root->set("renderedAt", FormatInstantUtc(at));
  Array::Ptr docs = new Array();
  for (const auto& d : info.documents) {
    Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("file", d.file);
    o->set("template", d.template_file);
    if (d.item >= 0) o->set("item", d.item);
    docs->add(o);
  }
  root->set("documents", docs);
  return pack::ToJson(root) + "\n";
}

Result<PackInfo> pack::RenderPack(Engine& engine, const PackPlaces& places,
                                  const std::string& instance_id, const std::string& pack_id,
                                  const std::string& out_dir, TimeMs at,
                                  const PackOptions& options) {
  auto view = engine.Show(instance_id);
  if (!view.ok()) return view.status();
  auto wf = pack::FindWorkflowFile(places.workflows_dir, view->workflow_id);
  if (!wf.ok()) return wf.status();
  auto ref = pack::FindPack(*wf, pack_id);
  if (!ref.ok()) return ref.status();
  auto ctx = pack::BuildPackContext(*view, *ref->chart, at, places.municipalities_dir);
  if (!ctx.ok()) return ctx.status();

  PackInfo info;
  info.instance_id = instance_id;
  info.workflow_id = view->workflow_id;
  info.municipality_id = view->municipality_id;
  info.pack_id = pack_id;
  info.title = ref->pack->title;
  info.state = ref->state->id;
  info.state_title = ref->state->title;
  // A pack on a compound state (e.g. a case's resignation, available at every stage) is active
  // when any active stage lies inside that state.
  const model::Chart& chart = *ref->chart;
  for (const auto& s : view->stages) {
    for (const model::State& st : chart.states) {
      if (st.id != s.id) continue;
      for (int i = st.index; i >= 0 && !info.state_active; i = chart.states[i].parent) {
        info.state_active = chart.states[i].id == info.state;
      }
    }
  }

  // Documents are rendered into a private folder beside the output folder and moved into
  // place together (FileEnv::MoveFilesInto), so a failure leaves the output folder as it was.
  FileEnv& env = DefaultFileEnv();
  KOOP_RETURN_IF_ERROR(env.CreateDirectories(ParentDir(out_dir)));
  auto staging_dir = MakeStagingDir(env, out_dir, "pack");
  if (!staging_dir.ok()) return staging_dir.status();
  TempDirGuard guard(env, *staging_dir);
  fs::path staging = *staging_dir;

  RenderOptions render;
  render.blanks = options.blanks;
  render.staged = true;  // made durable together by MoveFilesInto
  std::set<std::string> used;
  for (const auto& doc : ref->pack->documents) {
    std::string file = doc.template_file;
    auto over = ctx->templates.find(file);
    if (over != ctx->templates.end()) file = over->second;
    auto tmpl = DocxTemplate::Open((fs::path(options.templates_dir) / file).string());
    if (!tmpl.ok()) return tmpl.status();
    std::string pattern = doc.name.empty() ? fs::path(file).stem().string() +
                                                 (doc.foreach.empty() ? "" : "-{nr}") + ".docx"
                                           : doc.name;
    if (doc.foreach.empty()) {
      std::string name = Unique(pack::FillName(pattern, nullptr, ctx->data), used);
      Status st = tmpl->Render(pack::ToJson(ctx->data), render, (staging / name).string());
      if (!st.ok()) return st.WithContext(pack_id + ": " + name);
      info.documents.push_back({name, file, -1});
      continue;
    }
    Poco::Dynamic::Var list = pack::Lookup(ctx->data, doc.foreach);
    if (list.type() != typeid(Array::Ptr)) {
      return Status::DataError(pack_id + ": '" + doc.foreach + "' (foreach of " + file +
                               ") is not a list in the instance's data");
    }
    Array::Ptr items = list.extract<Array::Ptr>();
    for (std::size_t i = 0; i < items->size(); ++i) {
      pack::JsonObject data = pack::CopyObject(ctx->data);
      data->set(doc.as, items->get(i));
      pack::JsonObject item = items->get(i).type() == typeid(Object::Ptr)
                                  ? items->get(i).extract<Object::Ptr>()
                                  : pack::JsonObject();
      Object::Ptr with_n = new Object();
      with_n->set("nr", static_cast<int>(i + 1));
      if (!item || !item->has("nr")) item = with_n;
      std::string name = Unique(pack::FillName(pattern, item, data), used);
      Status st = tmpl->Render(pack::ToJson(data), render, (staging / name).string());
      if (!st.ok()) return st.WithContext(pack_id + ": " + name);
      info.documents.push_back({name, file, static_cast<int>(i)});
    }
  }
  std::vector<std::string> names;
  for (const auto& d : info.documents) names.push_back(d.file);
  KOOP_RETURN_IF_ERROR(env.CheckReplaceable((fs::path(out_dir) / "manifest.json").string()));
  KOOP_RETURN_IF_ERROR(env.MoveFilesInto(staging.string(), names, out_dir));
  info.manifest_path = (fs::path(out_dir) / "manifest.json").string();
  KOOP_RETURN_IF_ERROR(env.WriteFileAtomically(info.manifest_path, PackManifestJson(info, at)));
  return info;
}

}  // namespace koop
