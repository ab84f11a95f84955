// Document packs of an instance: GET /api/v1/instances/{id}/packs (declared packs),
// POST /api/v1/instances/{id}/packs/{pack} (render), GET .../packs/{pack} (its manifest) and
// GET .../packs/{pack}/{file}[?format=pdf] (download). Rendered packs are kept under the packs
// folder as INSTANCE/PACK/. A download names a file of the manifest, nothing else, so no path
// from the request reaches the file system. Packs are filled forms with personal data: closed to
// rops and auditor, and every download is in the access log.
#include <Poco/File.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <mutex>
#include <sstream>

#include "koop/docx.h"
#include "koop/file_env.h"
#include "koop/pack.h"
#include "server/access_policy.h"
#include "server/api/api.h"
#include "server/api/json_body.h"
#include "server/api/views.h"
#include "server/api/visible_instance.h"

namespace koop::server {
namespace {

std::mutex& RenderMutex() {
  static std::mutex m;
  return m;
}

bool SafeName(const std::string& s) {
  if (s.empty() || s.size() > 200 || s == "." || s == "..") return false;
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

std::string PackDir(Exchange& ex, const std::string& instance, const std::string& pack) {
  return ex.backend_options().packs_dir + "/" + instance + "/" + pack;
}

// The visible instance's listing, or nullopt after answering (404 for another tenant's); its id
// also names a folder, so it must be a safe file name.
std::optional<InstanceListing> VisibleInstance(Exchange& ex, Backend* backend) {
  std::optional<InstanceListing> listing = VisibleInstanceOrAnswer(ex, backend);
  if (listing && !SafeName(listing->instance_id)) {
    ex.Problem(ProblemKind::kNotFound, "no instance '" + ex.Param("id") + "'");
    return std::nullopt;
  }
  return listing;
}

// A pack's manifest or document, as written by `koop pack` (each far below this).
std::optional<std::string> ReadFile(const std::string& path) {
  constexpr uint64_t kMaxPackFileBytes = 256u << 20;
  Result<std::string> bytes = DefaultFileEnv().ReadFile(path, kMaxPackFileBytes);
  if (!bytes.ok()) return std::nullopt;
  return std::move(*bytes);
}

void ListInstancePacks(Exchange& ex) {
  Backend* backend = ex.backend();
  if (!backend) return;
  std::optional<InstanceListing> listing = VisibleInstance(ex, backend);
  if (!listing) return;
  Result<std::vector<PackListing>> packs = ListPacks(ex.catalog().PathOf(listing->workflow_id));
  if (!packs.ok()) {
    ex.ProblemFor(packs.status());
    return;
  }
  Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
  for (const PackListing& p : *packs) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
    o->set("id", p.id);
    o->set("title", p.title);
    o->set("stage", p.state);
    o->set("stageTitle", p.state_title);
    o->set("rendered",
           Poco::File(PackDir(ex, listing->instance_id, p.id) + "/manifest.json").exists());
    items->add(o);
  }
  Poco::JSON::Object root;
  root.set("packs", items);
  ex.Json(200, Stringify(root));
}

void RenderInstancePack(Exchange& ex) {
  if (!MayReadPacks(ex.account())) {
    ex.Problem(ProblemKind::kForbidden, "packs hold personal data");
    return;
  }
  if (!SafeName(ex.Param("pack"))) {
    ex.Problem(ProblemKind::kNotFound, "no pack '" + ex.Param("pack") + "'");
    return;
  }
  Backend* backend = ex.backend();
  if (!backend) return;
  std::optional<InstanceListing> listing = VisibleInstance(ex, backend);
  if (!listing) return;
  PackOptions options;
  options.templates_dir = ex.backend_options().templates_dir;
  std::lock_guard<std::mutex> lock(RenderMutex());
  Result<PackInfo> pack = backend->database->RenderPack(
      listing->instance_id, ex.Param("pack"), PackDir(ex, listing->instance_id, ex.Param("pack")),
      ex.Now(), options);
  if (!pack.ok()) {
    ex.ProblemFor(pack.status());
    return;
  }
  ex.Json(201, PackManifestJson(*pack, ex.Now()));
}

// The manifest of a rendered pack, or nullopt after answering 404.
std::optional<Poco::JSON::Object::Ptr> Manifest(Exchange& ex, const std::string& instance) {
  if (!SafeName(ex.Param("pack"))) {
    ex.Problem(ProblemKind::kNotFound, "no pack '" + ex.Param("pack") + "'");
    return std::nullopt;
  }
  std::optional<std::string> text =
      ReadFile(PackDir(ex, instance, ex.Param("pack")) + "/manifest.json");
  if (!text) {
    ex.Problem(ProblemKind::kNotFound, "pack '" + ex.Param("pack") + "' is not rendered yet");
    return std::nullopt;
  }
  try {
    return Poco::JSON::Parser().parse(*text).extract<Poco::JSON::Object::Ptr>();
  } catch (const Poco::Exception& e) {
    ex.ProblemFor(
        Status::Internal("manifest of " + instance + "/" + ex.Param("pack") + ": " + e.message()));
    return std::nullopt;
  }
}

void ShowPack(Exchange& ex) {
  if (!MayReadPacks(ex.account())) {
    ex.Problem(ProblemKind::kForbidden, "packs hold personal data");
    return;
  }
  Backend* backend = ex.backend();
  if (!backend) return;
  std::optional<InstanceListing> listing = VisibleInstance(ex, backend);
  if (!listing) return;
  std::optional<Poco::JSON::Object::Ptr> manifest = Manifest(ex, listing->instance_id);
  if (!manifest) return;
  std::ostringstream out;
  (*manifest)->stringify(out);
  ex.Json(200, out.str());
}

bool ListedInManifest(const Poco::JSON::Object::Ptr& manifest, const std::string& file) {
  Poco::JSON::Array::Ptr docs = manifest->getArray("documents");
  for (std::size_t i = 0; docs && i < docs->size(); ++i) {
    Poco::JSON::Object::Ptr d = docs->getObject(i);
    if (d && d->optValue<std::string>("file", "") == file) return true;
  }
  return false;
}

void DownloadDocument(Exchange& ex) {
  if (!MayReadPacks(ex.account())) {
    ex.Problem(ProblemKind::kForbidden, "packs hold personal data");
    return;
  }
  std::string format = ex.Query("format");
  if (!format.empty() && format != "docx" && format != "pdf") {
    ex.Problem(ProblemKind::kBadRequest, "format: expected docx or pdf");
    return;
  }
  Backend* backend = ex.backend();
  if (!backend) return;
  std::optional<InstanceListing> listing = VisibleInstance(ex, backend);
  if (!listing) return;
  std::optional<Poco::JSON::Object::Ptr> manifest = Manifest(ex, listing->instance_id);
  if (!manifest) return;
  const std::string file = ex.Param("file");
  if (!SafeName(file) || !ListedInManifest(*manifest, file)) {
    ex.Problem(ProblemKind::kNotFound,
               "pack '" + ex.Param("pack") + "' has no document '" + file + "'");
    return;
  }
  std::string path = PackDir(ex, listing->instance_id, ex.Param("pack")) + "/" + file;
  std::string type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  std::string name = file;
  if (format == "pdf") {
    std::string pdf = path.substr(0, path.size() - (path.size() > 5 ? 5 : 0)) + ".pdf";
    std::lock_guard<std::mutex> lock(RenderMutex());
    if (!Poco::File(pdf).exists()) {
      Status converted = ConvertToPdf(path, pdf);
      if (!converted.ok()) {
        ex.ProblemFor(converted);
        return;
      }
    }
    path = pdf;
    type = "application/pdf";
    name = name.substr(0, name.size() - (name.size() > 5 ? 5 : 0)) + ".pdf";
  }
  std::optional<std::string> bytes = ReadFile(path);
  if (!bytes) {
    ex.ProblemFor(Status::IoError(path + ": cannot read"));
    return;
  }
  const WorkflowInfo* workflow = ex.catalog().Find(listing->workflow_id);
  std::vector<std::string> fields =
      workflow ? workflow->PersonalRoots() : std::vector<std::string>{};
  if (fields.empty()) fields.push_back("*");
  Status logged =
      backend->accounts->RecordAccess({ex.account().login, ex.Now(), listing->instance_id, fields,
                                       ex.request_id(), "pack " + ex.Param("pack") + "/" + file});
  if (!logged.ok()) {
    ex.ProblemFor(logged);
    return;
  }
  ex.SetHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
  ex.Send(200, type, *bytes);
}

}  // namespace

void RegisterPackRoutes(Router& router) {
  router.Add({"GET", "/api/v1/instances/{id}/packs", Access::kSignedIn, {}, ListInstancePacks, ""});
  router.Add({"POST",
              "/api/v1/instances/{id}/packs/{pack}",
              Access::kSignedIn,
              {Role::kAdmin, Role::kCoordinator, Role::kMember},
              RenderInstancePack,
              ""});
  router.Add({"GET", "/api/v1/instances/{id}/packs/{pack}", Access::kSignedIn, {}, ShowPack, ""});
  router.Add({"GET",
              "/api/v1/instances/{id}/packs/{pack}/{file}",
              Access::kSignedIn,
              {},
              DownloadDocument,
              ""});
}

}  // namespace koop::server
