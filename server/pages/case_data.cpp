#include "server/pages/case_data.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <sstream>

namespace koop::server::pages {
namespace {

constexpr std::size_t kMaxLines = 200;

std::string Scalar(const Poco::Dynamic::Var& v) {
  if (v.isEmpty()) return "";
  if (v.type() == typeid(bool)) return v.extract<bool>() ? "tak" : "nie";
  return v.convert<std::string>();
}

void Lines(const Poco::Dynamic::Var& v, const std::string& prefix, std::vector<std::string>& out) {
  if (out.size() >= kMaxLines || v.isEmpty()) return;
  if (v.type() == typeid(Poco::JSON::Object::Ptr)) {
    Poco::JSON::Object::Ptr o = v.extract<Poco::JSON::Object::Ptr>();
    for (const auto& [key, value] : *o) {
      Lines(value, prefix.empty() ? key : prefix + " › " + key, out);
    }
  } else if (v.type() == typeid(Poco::JSON::Array::Ptr)) {
    Poco::JSON::Array::Ptr a = v.extract<Poco::JSON::Array::Ptr>();
    for (std::size_t i = 0; i < a->size(); ++i) {
      Lines(a->get(i), prefix + (prefix.empty() ? "" : " ") + "[" + std::to_string(i + 1) + "]",
            out);
    }
  } else {
    std::string text = Scalar(v);
    if (text.empty()) return;
    out.push_back(prefix.empty() ? text : prefix + ": " + text);
  }
}

Poco::JSON::Object::Ptr ParseObject(const std::string& json) {
  try {
    Poco::JSON::Parser parser;
    return parser.parse(json).extract<Poco::JSON::Object::Ptr>();
  } catch (const Poco::Exception&) {
    return nullptr;
  } catch (const std::exception&) {
    return nullptr;
  }
}

}  // namespace

Data CaseFields(const WorkflowInfo& workflow, const std::string& data_json) {
  Data list = MakeList();
  Poco::JSON::Object::Ptr data = ParseObject(data_json);
  if (!data) return list;
  for (const FieldInfo& f : workflow.fields) {
    if (f.name.find('.') != std::string::npos || !data->has(f.name)) continue;
    std::vector<std::string> lines;
    Lines(data->get(f.name), "", lines);
    if (lines.empty()) continue;
    Data field;
    field.set("title", f.title.empty() ? f.name : f.title);
    field.set("personal", Data(f.personal));
    Data items = MakeList();
    for (const std::string& line : lines) items.push_back(Data(line));
    field.set("lines", items);
    list.push_back(field);
  }
  return list;
}

std::string DocumentData(const std::string& document) {
  Poco::JSON::Object::Ptr root = ParseObject(document);
  Poco::JSON::Object::Ptr data = root ? root->getObject("data") : nullptr;
  if (!data) return "{}";
  std::ostringstream out;
  data->stringify(out);
  return out.str();
}

std::vector<std::string> CaseWarnings(const std::string& data_json) {
  std::vector<std::string> out;
  Poco::JSON::Object::Ptr data = ParseObject(data_json);
  if (!data || !data->isArray("ostrzezenia")) return out;
  Poco::JSON::Array::Ptr list = data->getArray("ostrzezenia");
  for (std::size_t i = 0; i < list->size(); ++i) out.push_back(Scalar(list->get(i)));
  return out;
}

}  // namespace koop::server::pages
