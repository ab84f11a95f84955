#include "server/api/deadline_cursor.h"

#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <sstream>

#include "server/api/views.h"

namespace koop::server {
namespace {

constexpr std::size_t kMaxTokenChars = 2048;

}  // namespace

std::string EncodeDeadlineCursor(const DeadlineListing& last) {
  std::string json = "[" + std::to_string(last.due_at) + ",";
  AppendJsonString(json, last.instance_id);
  json += ',';
  AppendJsonString(json, last.deadline_id);
  json += "," + std::to_string(last.occurrence) + "]";
  std::ostringstream out;
  Poco::Base64Encoder encoder(out, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
  encoder.rdbuf()->setLineLength(0);
  encoder << json;
  encoder.close();
  return out.str();
}

std::optional<DeadlineCursor> DecodeDeadlineCursor(const std::string& token) {
  if (token.empty() || token.size() > kMaxTokenChars) return std::nullopt;
  try {
    std::istringstream in(token);
    Poco::Base64Decoder decoder(in, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
    std::string json((std::istreambuf_iterator<char>(decoder)), std::istreambuf_iterator<char>());
    Poco::JSON::Parser parser;
    Poco::Dynamic::Var parsed = parser.parse(json);
    if (parsed.type() != typeid(Poco::JSON::Array::Ptr)) return std::nullopt;
    Poco::JSON::Array::Ptr a = parsed.extract<Poco::JSON::Array::Ptr>();
    if (a->size() != 4 || !a->get(0).isInteger() || !a->get(1).isString() ||
        !a->get(2).isString() || !a->get(3).isInteger())
      return std::nullopt;
    DeadlineCursor c;
    c.due_at = a->get(0).convert<Poco::Int64>();
    c.instance_id = a->get(1).convert<std::string>();
    c.deadline_id = a->get(2).convert<std::string>();
    c.occurrence = a->get(3).convert<Poco::Int64>();
    return c;
  } catch (const Poco::Exception&) {
    return std::nullopt;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace koop::server
