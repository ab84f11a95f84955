#include "server/api/json_body.h"

#include <Poco/JSON/JSONException.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <sstream>

#include "koop/json_check.h"

namespace koop::server {

std::optional<Poco::JSON::Object::Ptr> ReadJsonObject(Exchange& ex) {
  std::string type = ex.Header("Content-Type");
  if (type.rfind("application/json", 0) != 0) {
    ex.Problem(ProblemKind::kUnsupportedMedia, "send the body as application/json");
    return std::nullopt;
  }
  std::optional<std::string> body = ex.Body();
  if (!body) return std::nullopt;
  try {
    Poco::JSON::Parser parser;
    Poco::Dynamic::Var value = parser.parse(*body);
    if (value.type() != typeid(Poco::JSON::Object::Ptr)) {
      ex.Problem(ProblemKind::kBadRequest, "/: the body must be a JSON object");
      return std::nullopt;
    }
    return value.extract<Poco::JSON::Object::Ptr>();
  } catch (const Poco::Exception&) {
    // The engine's JSON check names the line and column ("body:1:2: invalid JSON: ...").
    ex.Problem(ProblemKind::kBadRequest, CheckJsonObjectText(*body, "body").message());
    return std::nullopt;
  }
}

std::optional<std::string> StringMember(Exchange& ex, const Poco::JSON::Object::Ptr& object,
                                        const std::string& name, bool required) {
  if (!object->has(name) || object->isNull(name)) {
    if (!required) return std::string();
    ex.Problem(ProblemKind::kBadRequest, "/" + name + ": missing");
    return std::nullopt;
  }
  Poco::Dynamic::Var v = object->get(name);
  if (!v.isString()) {
    ex.Problem(ProblemKind::kBadRequest, "/" + name + ": expected a string");
    return std::nullopt;
  }
  return v.convert<std::string>();
}

std::optional<std::string> ObjectMemberJson(Exchange& ex, const Poco::JSON::Object::Ptr& object,
                                            const std::string& name) {
  if (!object->has(name) || object->isNull(name)) return std::string("{}");
  Poco::JSON::Object::Ptr member = object->getObject(name);
  if (!member) {
    ex.Problem(ProblemKind::kBadRequest, "/" + name + ": expected an object");
    return std::nullopt;
  }
  std::ostringstream out;
  member->stringify(out);
  return out.str();
}

std::string JsonString(const std::string& text) {
  std::ostringstream out;
  Poco::JSON::Stringifier::formatString(text, out);
  return out.str();
}

}  // namespace koop::server
