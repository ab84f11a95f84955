// Reading a JSON request body: the content type must be application/json (415 otherwise), the
// body at most the configured size (413) and a JSON object (400 naming the problem). Members are
// read with their JSON path in every error ("/login: expected a string").
#pragma once

#include <Poco/JSON/Object.h>

#include <optional>
#include <string>

#include "server/exchange.h"

namespace koop::server {

// The body's object; nullopt after answering the error itself.
std::optional<Poco::JSON::Object::Ptr> ReadJsonObject(Exchange& ex);

// A string member; nullopt (after answering 400) when missing and required, or not a string.
std::optional<std::string> StringMember(Exchange& ex, const Poco::JSON::Object::Ptr& object,
                                        const std::string& name, bool required = true);
// An object member re-serialised as JSON text ("{}" when absent); nullopt after answering 400.
std::optional<std::string> ObjectMemberJson(Exchange& ex, const Poco::JSON::Object::Ptr& object,
                                            const std::string& name);

// JSON text of a value (strings quoted and escaped).
std::string JsonString(const std::string& text);

}  // namespace koop::server
