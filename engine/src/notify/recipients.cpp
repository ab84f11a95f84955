// Reads the instance's municipality copy (the JSON of docs/municipality.md: institutions[] with
// email, roles[] and contacts[] with email, roles[]) with Poco JSON; only e-mail addresses are
// taken from it.
#include "notify/recipients.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>

#include "json/json_reader.h"

namespace koop::notify {
namespace {

bool HasRole(const Poco::JSON::Object::Ptr& o, const std::string& role) {
  Poco::JSON::Array::Ptr roles = o->getArray("roles");
  if (!roles) return false;
  for (size_t i = 0; i < roles->size(); ++i) {
    if (roles->getElement<std::string>(i) == role) return true;
  }
  return false;
}

std::string Email(const Poco::JSON::Object::Ptr& o) {
  return o->has("email") ? o->getValue<std::string>("email") : "";
}

}  // namespace

Result<std::vector<Recipient>> ResolveRecipients(const std::string& roles_json,
                                                 const std::string& municipality_json,
                                                 const std::string& source) {
  std::vector<std::string> roles;
  if (!roles_json.empty()) {
    Result<std::vector<std::string>> named = json::ParseStrings(roles_json, "roles of " + source);
    if (!named.ok()) return named.status();
    roles = std::move(*named);
  }
  if (roles.empty()) roles.push_back("coordinator");
  const std::string registry = "municipality of " + source;
  Result<Poco::JSON::Object::Ptr> root = json::ParseObject(municipality_json, registry);
  if (!root.ok()) return root.status();
  Poco::JSON::Array::Ptr institutions;
  if ((*root)->has("institutions")) {
    if ((*root)->get("institutions").type() != typeid(Poco::JSON::Array::Ptr)) {
      return Status::DataError(registry + ": institutions is not a list");
    }
    institutions = (*root)->getArray("institutions");
  }
  std::vector<Recipient> out;
  for (const std::string& role : roles) {
    std::vector<std::string> emails;
    auto add = [&](const std::string& email) {
      if (!email.empty() && std::find(emails.begin(), emails.end(), email) == emails.end()) {
        emails.push_back(email);
      }
    };
    try {
      for (size_t i = 0; institutions && i < institutions->size(); ++i) {
        Poco::JSON::Object::Ptr inst = institutions->getObject(static_cast<unsigned>(i));
        if (!inst) continue;
        // A contact person designated for the role takes the message; the institution's
        // general address gets it only when none of its people is designated, so one role
        // never yields two messages for the same institution.
        bool designated = false;
        Poco::JSON::Array::Ptr contacts = inst->getArray("contacts");
        for (size_t c = 0; contacts && c < contacts->size(); ++c) {
          Poco::JSON::Object::Ptr contact = contacts->getObject(static_cast<unsigned>(c));
          if (contact && HasRole(contact, role)) {
            add(Email(contact).empty() ? Email(inst) : Email(contact));
            designated = true;
          }
        }
        if (!designated && HasRole(inst, role)) add(Email(inst));
      }
    } catch (const std::exception& e) {
      return Status::DataError(registry + ": a malformed institution: " + e.what());
    }
    if (emails.empty()) out.push_back({role, ""});
    for (const std::string& e : emails) out.push_back({role, e});
  }
  return out;
}

}  // namespace koop::notify
