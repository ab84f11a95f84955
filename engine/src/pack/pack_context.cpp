#include "pack/pack_context.h"

#include <Poco/JSON/Parser.h>

#include <filesystem>

#include "koop/file_env.h"
#include "municipality/municipality.h"
#include "pack/param_wording.h"
#include "time/warsaw_time.h"

namespace koop::pack {

namespace fs = std::filesystem;
using Poco::JSON::Object;

namespace {

// A municipality's document wording is a small JSON file; more than this is refused (65).
constexpr uint64_t kMaxWordingBytes = 4ull << 20;

// A parameter's literal value as JSON: numbers and booleans typed, the rest strings.
Poco::Dynamic::Var ParamValue(model::ValueType type, const std::string& literal) {
  using VT = model::ValueType;
  try {
    switch (type) {
      case VT::kInt:
      case VT::kDays:
      case VT::kWorkingDays:
        return std::stoll(literal);
      case VT::kNumber:
        return std::stod(literal);
      case VT::kBool:
        return literal == "true";
      case VT::kList:
      case VT::kObject:
        return Poco::JSON::Parser().parse(literal);
      default:
        return literal;
    }
  } catch (const std::exception&) {
    return literal;
  }
}

std::string Underscored(std::string name) {
  for (char& c : name) {
    if (c == '.') c = '_';
  }
  return name;
}

}  // namespace

Result<PackContext> BuildPackContext(const InstanceView& view, const model::Chart& chart, TimeMs at,
                                     const std::string& municipalities_dir) {
  PackContext ctx;
  ctx.data = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  // 1. The municipality's document wording.
  fs::path words = fs::path(municipalities_dir) / "documents" / (view.municipality_id + ".json");
  if (fs::exists(words)) {
    auto text = DefaultFileEnv().ReadFile(words.string(), kMaxWordingBytes);
    if (!text.ok()) return text.status();
    auto obj = ParseObject(*text, words.string());
    if (!obj.ok()) return obj.status();
    if ((*obj)->has("szablony")) {
      Poco::Dynamic::Var s = (*obj)->get("szablony");
      if (s.type() != typeid(Object::Ptr)) {
        return Status::DataError(words.string() + ": \"szablony\" must map template names");
      }
      for (const auto& [from, to] : *s.extract<Object::Ptr>()) {
        ctx.templates[from] = to.toString();
      }
      (*obj)->remove("szablony");
    }
    std::vector<std::string> notes;
    for (const auto& [k, v] : **obj) {
      if (!k.empty() && k[0] == '_') notes.push_back(k);
    }
    for (const auto& k : notes) (*obj)->remove(k);
    DeepMerge(ctx.data, *obj);
  }
  // 2. Parameters: the workflow's defaults, then the municipality's values.
  Object::Ptr params = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  std::map<std::string, model::ValueType> types;
  for (const auto& p : chart.params) {
    types[p.name] = p.type;
    if (p.default_value) params->set(Underscored(p.name), ParamValue(p.type, *p.default_value));
  }
  auto file = municipality::FindMunicipalityFile(municipalities_dir, view.municipality_id);
  if (file.ok()) {
    auto m = municipality::LoadMunicipality(*file);
    if (!m.ok()) return m.status();
    for (const auto& [name, value] : m->params) {
      auto t = types.find(name);
      params->set(Underscored(name),
                  ParamValue(t == types.end() ? model::ValueType::kString : t->second, value));
    }
  }
  Object::Ptr wrap = new Object();
  wrap->set("param", params);
  DeepMerge(ctx.data, wrap);
  // The words for office hours and periods come from the parameters, not from the wording file.
  AddParamWording(params, ctx.data);
  // 3. The instance's data model.
  auto data = ParseObject(view.data_json, "instance " + view.instance_id + " data");
  if (!data.ok()) return data.status();
  DeepMerge(ctx.data, *data);
  // 4. Today's date for the document.
  Object::Ptr doc = new Object();
  Object::Ptr today = new Object();
  today->set("data", WarsawDate(at).ToString());
  doc->set("dokument", today);
  DeepMerge(ctx.data, doc);
  return ctx;
}

}  // namespace koop::pack
