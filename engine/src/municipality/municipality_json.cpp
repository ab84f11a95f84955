// The JSON form of a municipality: stored with each instance (instances.municipality) and given to
// templates. Keys are documented in docs/municipality.md.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <sstream>

#include "json/json_reader.h"
#include "municipality/municipality.h"

namespace koop::municipality {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

const char* const kWeekdays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

Array::Ptr Strings(const std::vector<std::string>& items) {
  Array::Ptr a = new Array();
  for (const auto& s : items) a->add(s);
  return a;
}

std::vector<std::string> StringsFrom(const Object::Ptr& o, const std::string& key) {
  std::vector<std::string> out;
  if (!o->has(key)) return out;
  Array::Ptr a = o->getArray(key);
  for (std::size_t i = 0; a && i < a->size(); ++i) out.push_back(a->getElement<std::string>(i));
  return out;
}

std::string Str(const Object::Ptr& o, const std::string& key) {
  return o->has(key) ? o->getValue<std::string>(key) : "";
}

std::string HhMm(int minutes) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60, minutes % 60);
  return buf;
}

int Minutes(const std::string& hhmm) {
  return hhmm.size() == 5 ? std::stoi(hhmm.substr(0, 2)) * 60 + std::stoi(hhmm.substr(3)) : 0;
}

}  // namespace

std::string MunicipalityToJson(const Municipality& m) {
  Object::Ptr root = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  root->set("id", m.id);
  root->set("name", m.name);
  root->set("teryt", m.teryt);
  Object::Ptr params = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  for (const auto& [k, v] : m.params) params->set(k, v);
  root->set("params", params);
  Array::Ptr institutions = new Array();
  for (const Institution& i : m.institutions) {
    Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("id", i.id);
    o->set("name", i.name);
    o->set("type", i.type);
    Object::Ptr address = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    address->set("street", i.street);
    address->set("postalCode", i.postal_code);
    address->set("city", i.city);
    o->set("address", address);
    o->set("email", i.email);
    o->set("phone", i.phone);
    o->set("roles", Strings(i.roles));
    Array::Ptr contacts = new Array();
    for (const Contact& c : i.contacts) {
      Object::Ptr co = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
      co->set("name", c.name);
      co->set("email", c.email);
      co->set("phone", c.phone);
      co->set("roles", Strings(c.roles));
      contacts->add(co);
    }
    o->set("contacts", contacts);
    institutions->add(o);
  }
  root->set("institutions", institutions);
  Object::Ptr hours = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  if (m.has_office_hours) {
    for (int d = 0; d < 7; ++d) {
      const OfficeDay& od = m.office_hours[d];
      if (od.close_minute > od.open_minute) {
        Array::Ptr span = new Array();
        span->add(HhMm(od.open_minute));
        span->add(HhMm(od.close_minute));
        hours->set(kWeekdays[d], span);
      }
    }
  }
  root->set("officeHours", hours);
  Array::Ptr closures = new Array();
  for (const ClosureDay& c : m.closures) {
    Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("date", c.date);
    o->set("reason", c.reason);
    closures->add(o);
  }
  root->set("closures", closures);
  root->set("workflows", Strings(m.workflows));
  std::ostringstream out;
  root->stringify(out);
  return out.str();
}

Result<Municipality> MunicipalityFromJson(const std::string& json, const std::string& source) {
  Result<Object::Ptr> parsed = json::ParseObject(json, source);
  if (!parsed.ok()) return parsed.status();
  try {
    Object::Ptr root = *parsed;
    Municipality m;
    m.id = Str(root, "id");
    m.name = Str(root, "name");
    m.teryt = Str(root, "teryt");
    if (Object::Ptr params = root->getObject("params")) {
      for (const auto& [k, v] : *params) m.params[k] = v.convert<std::string>();
    }
    if (Array::Ptr list = root->getArray("institutions")) {
      for (std::size_t n = 0; n < list->size(); ++n) {
        Object::Ptr o = list->getObject(n);
        Institution i;
        i.id = Str(o, "id");
        i.name = Str(o, "name");
        i.type = Str(o, "type");
        if (Object::Ptr a = o->getObject("address")) {
          i.street = Str(a, "street");
          i.postal_code = Str(a, "postalCode");
          i.city = Str(a, "city");
        }
        i.email = Str(o, "email");
        i.phone = Str(o, "phone");
        i.roles = StringsFrom(o, "roles");
        if (Array::Ptr contacts = o->getArray("contacts")) {
          for (std::size_t c = 0; c < contacts->size(); ++c) {
            Object::Ptr co = contacts->getObject(c);
            i.contacts.push_back(Contact{Str(co, "name"), Str(co, "email"), Str(co, "phone"),
                                         StringsFrom(co, "roles")});
          }
        }
        m.institutions.push_back(i);
      }
    }
    if (Object::Ptr hours = root->getObject("officeHours")) {
      for (int d = 0; d < 7; ++d) {
        if (!hours->has(kWeekdays[d])) continue;
        m.has_office_hours = true;
        Array::Ptr span = hours->getArray(kWeekdays[d]);
        m.office_hours[d] = OfficeDay{Minutes(span->getElement<std::string>(0)),
                                      Minutes(span->getElement<std::string>(1))};
      }
    }
    if (Array::Ptr closures = root->getArray("closures")) {
      for (std::size_t n = 0; n < closures->size(); ++n) {
        Object::Ptr o = closures->getObject(n);
        m.closures.push_back(ClosureDay{Str(o, "date"), Str(o, "reason")});
      }
    }
    m.workflows = StringsFrom(root, "workflows");
    return m;
  } catch (const std::exception& e) {
    return Status::DataError(source + ": not a municipality: " + e.what());
  }
}

}  // namespace koop::municipality
