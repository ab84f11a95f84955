#include "instance/start_from.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <sstream>

#include "store/instance_table.h"

namespace koop::exec {
namespace {

// Removes a dotted path ("rodzina.czlonkowie") from `data`, if present.
void Erase(const Poco::JSON::Object::Ptr& data, const std::string& path) {
  Poco::JSON::Object::Ptr at = data;
  std::string::size_type start = 0;
  for (std::string::size_type dot; (dot = path.find('.', start)) != std::string::npos;
       start = dot + 1) {
    at = at->getObject(path.substr(start, dot - start));
    if (!at) return;
  }
  at->remove(path.substr(start));
}

}  // namespace

Result<std::string> StartFromData(store::Transaction& tx, InstanceDefinitions& definitions,
                                  const model::Chart& chart, const std::string& workflow_id,
                                  const std::string& municipality_id, const std::string& from_id) {
  if (chart.start_from.empty()) {
    return Status::Usage("workflow '" + workflow_id +
                         "' is not started from another instance (no <k:start from>)");
  }
  Result<std::optional<store::InstanceRow>> found = store::FindInstance(tx, from_id);
  if (!found.ok()) return found.status();
  if (!found->has_value()) return Status::NoInput("no instance '" + from_id + "'");
  const store::InstanceRow& source = **found;
  if (source.workflow_id != chart.start_from) {
    return Status::DataError("instance " + from_id + " is a '" + source.workflow_id +
                             "' instance; '" + workflow_id + "' starts from '" + chart.start_from +
                             "'");
  }
  if (source.municipality_id != municipality_id) {
    return Status::DataError("instance " + from_id + " belongs to municipality '" +
                             source.municipality_id + "', not '" + municipality_id + "'");
  }
  if (source.status != "finished") {
    return Status::DataError("instance " + from_id + " has not finished; '" + workflow_id +
                             "' starts from a finished '" + chart.start_from + "'");
  }
  Result<LoadedDefinition> def = definitions.Get(tx, source.workflow_id, source.workflow_version);
  if (!def.ok()) return def.status();
  try {
    auto root = Poco::JSON::Parser().parse(source.snapshot).extract<Poco::JSON::Object::Ptr>();
    Poco::JSON::Object::Ptr data = root->getObject("data");
    if (!data) return Status::Internal("instance " + from_id + ": its snapshot has no data");
    for (const model::KoopField& f : def->chart->fields) {
      if (f.personal) Erase(data, f.name);
    }
    std::ostringstream out;
    data->stringify(out);
    return out.str();
  } catch (const std::exception& e) {
    return Status::Internal("instance " + from_id + ": unreadable snapshot: " + e.what());
  }
}

std::string SuccessorId(const std::string& workflow_id, const std::string& from_id) {
  std::string::size_type dash = from_id.rfind('-');
  return workflow_id + "-" + (dash == std::string::npos ? from_id : from_id.substr(dash + 1));
}

Result<std::string> WithStartValue(const std::string& data_json, const std::string& as,
                                   const std::string& value_json) {
  try {
    auto data = Poco::JSON::Parser().parse(data_json).extract<Poco::JSON::Object::Ptr>();
    data->set(as, Poco::JSON::Parser().parse(value_json));
    std::ostringstream out;
    data->stringify(out);
    return out.str();
  } catch (const std::exception& e) {
    return Status::DataError(std::string("data: not a JSON object: ") + e.what());
  }
}

}  // namespace koop::exec
