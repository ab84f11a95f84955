#include "server/pages/event_forms.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/NameValueCollection.h>

#include <algorithm>
#include <cctype>
#include <sstream>

#include "server/pages/polish.h"

namespace koop::server::pages {
namespace {

std::string First(const FormValues& form, const std::string& name) {
  auto it = form.find(name);
  return it == form.end() || it->second.empty() ? "" : it->second.front();
}

std::string Trim(const std::string& s) {
  std::size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

std::string Quoted(const EventDataInfo& d) {
  return "„" + (d.title.empty() ? d.name : d.title) + "”";
}

// Limits of a typed value: control characters (line breaks only in a text area) and length, in
// characters; "" when it is within them.
std::string TextProblem(const std::string& value, bool multiline) {
  const std::size_t limit = multiline ? 20000 : 500;
  std::size_t chars = 0;
  for (unsigned char c : value) {
    if ((c < 0x20 && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) || c == 0x7f) {
      return "niedozwolony znak sterujący.";
    }
    if ((c & 0xC0) != 0x80) ++chars;
  }
  if (chars > limit) return "najwyżej " + std::to_string(limit) + " znaków.";
  return "";
}

bool ValidTime(const std::string& t) {
  if (t.size() != 5 || t[2] != ':' || !std::isdigit(static_cast<unsigned char>(t[0])) ||
      !std::isdigit(static_cast<unsigned char>(t[1])) ||
      !std::isdigit(static_cast<unsigned char>(t[3])) ||
      !std::isdigit(static_cast<unsigned char>(t[4]))) {
    return false;
  }
  return std::stoi(t.substr(0, 2)) < 24 && std::stoi(t.substr(3, 2)) < 60;
}

// Sets `value` at a dotted path of `root`, creating the objects on the way.
void SetPath(Poco::JSON::Object::Ptr root, const std::string& path,
             const Poco::Dynamic::Var& value) {
  std::size_t dot = path.find('.');
  if (dot == std::string::npos) {
    root->set(path, value);
    return;
  }
  std::string head = path.substr(0, dot);
  Poco::JSON::Object::Ptr child = root->getObject(head);
  if (!child) {
    child = new Poco::JSON::Object;
    root->set(head, child);
  }
  SetPath(child, path.substr(dot + 1), value);
}

Poco::JSON::Object::Ptr InstitutionItem(const InstitutionInfo& i, int nr) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
  o->set("nr", nr);
  o->set("id", i.id);
  o->set("nazwa", i.name);
  o->set("adres", i.address);
  o->set("email", i.email);
  o->set("telefon", i.phone);
  // The institution's first contact person is who the team works with (the registry's order).
  if (!i.contacts.empty()) {
    o->set("pracownik", i.contacts.front().name);
    if (!i.contacts.front().phone.empty()) o->set("telefon", i.contacts.front().phone);
    o->set("funkcja", i.contacts.front().roles.empty() ? "" : i.contacts.front().roles.front());
  }
  return o;
}

}  // namespace

std::string Slug(const std::string& name) {
  std::string out;
  for (char c : name) out += std::isalnum(static_cast<unsigned char>(c)) ? c : '-';
  return out;
}

FormValues ParseForm(const std::string& body) {
  FormValues out;
  Poco::Net::HTMLForm form;
  std::istringstream in(body);
  try {
    form.read(in);
  } catch (const Poco::Exception&) {
    return out;  // a malformed body is an empty form: required fields then say so
  }
  for (const auto& [name, value] : form) out[name].push_back(value);
  return out;
}

Data EventFormFields(const EventInfo& event, const MunicipalityInfo* municipality,
                     const FormValues& submitted, const std::string& slug) {
  Data fields = MakeList();
  for (const EventDataInfo& d : event.data) {
    Data f;
    std::string value = First(submitted, d.name);
    f.set("name", d.name);
    f.set("input_id", "f-" + slug + "-" + Slug(d.name));
    f.set("title", d.title.empty() ? d.name : d.title);
    f.set("required", Data(d.required));
    f.set("value", value);
    std::string hint;
    bool select = false, checkboxes = false, textarea = false;
    std::string input_type = "text";
    Data options = MakeList();
    if (d.type == "date") {
      input_type = "date";
      if (d.working_day) hint = "Dzień roboczy ośrodka (nie sobota, niedziela ani święto).";
    } else if (d.type == "time") {
      input_type = "time";
      hint = "Godzina w formacie GG:MM.";
    } else if (d.type == "int" || d.type == "number") {
      input_type = "number";
    } else if (d.type == "text") {
      textarea = true;
    } else if (d.type == "bool") {
      select = true;
      for (const auto& [v, label] :
           {std::pair{"", "— wybierz —"}, std::pair{"true", "tak"}, std::pair{"false", "nie"}}) {
        Data o;
        o.set("value", v);
        o.set("label", label);
        o.set("selected", Data(value == v));
        options.push_back(o);
      }
    } else if (d.type == "choice") {
      select = true;
      Data none;  // nothing chosen until the person chooses
      none.set("value", "");
      none.set("label", "— wybierz —");
      none.set("selected", Data(value.empty()));
      options.push_back(none);
      for (const std::string& v : d.values) {
        Data o;
        o.set("value", v);
        o.set("label", v);
        o.set("selected", Data(value == v));
        options.push_back(o);
      }
    } else if (d.type == "institution" && municipality) {
      select = true;
      Data none;
      none.set("value", "");
      none.set("label", "— wybierz —");
      none.set("selected", Data(value.empty()));
      options.push_back(none);
      for (const InstitutionInfo& i : municipality->institutions) {
        Data o;
        o.set("value", i.id);
        o.set("label", i.name);
        o.set("selected", Data(value == i.id));
        options.push_back(o);
      }
    } else if (d.type == "institutions" && municipality) {
      checkboxes = true;
      auto chosen = submitted.find(d.name);
      for (const InstitutionInfo& i : municipality->institutions) {
        Data o;
        o.set("value", i.id);
        o.set("label", i.name);
        bool on =
            chosen != submitted.end() &&
            std::find(chosen->second.begin(), chosen->second.end(), i.id) != chosen->second.end();
        o.set("selected", Data(on));
        options.push_back(o);
      }
    }
    f.set("hint", Text(hint));
    f.set("input_type", input_type);
    f.set("is_select", Data(select));
    f.set("is_checkboxes", Data(checkboxes));
    f.set("is_textarea", Data(textarea));
    f.set("is_input", Data(!select && !checkboxes && !textarea));
    f.set("options", options);
    fields.push_back(f);
  }
  return fields;
}

std::string EventDataFromForm(const EventInfo& event, const MunicipalityInfo* municipality,
                              const FormValues& form, std::vector<std::string>* problems) {
  Poco::JSON::Object::Ptr root = new Poco::JSON::Object;
  for (const EventDataInfo& d : event.data) {
    if (d.type == "institutions") {
      auto chosen = form.find(d.name);
      Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
      if (chosen != form.end() && municipality) {
        for (const std::string& id : chosen->second) {
          auto it =
              std::find_if(municipality->institutions.begin(), municipality->institutions.end(),
                           [&](const InstitutionInfo& i) { return i.id == id; });
          if (it == municipality->institutions.end()) {
            problems->push_back(Quoted(d) + ": nieznana instytucja.");
            continue;
          }
          items->add(InstitutionItem(*it, static_cast<int>(items->size()) + 1));
        }
      }
      if (items->size() == 0 && d.required) {
        problems->push_back(Quoted(d) + ": wybierz co najmniej jedną instytucję.");
      }
      if (items->size() > 0) SetPath(root, d.name, items);
      continue;
    }
    std::string value = Trim(First(form, d.name));
    if (value.empty()) {
      if (d.required) problems->push_back(Quoted(d) + ": pole jest wymagane.");
      continue;
    }
    if (std::string why = TextProblem(value, d.type == "text"); !why.empty()) {
      problems->push_back(Quoted(d) + ": " + why);
      continue;
    }
    if (d.type == "date") {
      if (!Date::Parse(value).ok()) {
        problems->push_back(Quoted(d) + ": podaj datę w formacie RRRR-MM-DD.");
        continue;
      }
      // A working day is the API's check (server/declared_dates.h), run on the data built here.
      SetPath(root, d.name, value);
    } else if (d.type == "time") {
      if (!ValidTime(value)) {
        problems->push_back(Quoted(d) + ": podaj godzinę w formacie GG:MM.");
        continue;
      }
      SetPath(root, d.name, value);
    } else if (d.type == "int") {
      std::size_t used = 0;
      long long n = 0;
      try {
        n = std::stoll(value, &used);
      } catch (const std::exception&) {
        used = 0;
      }
      if (used != value.size()) {
        problems->push_back(Quoted(d) + ": podaj liczbę całkowitą.");
        continue;
      }
      SetPath(root, d.name, static_cast<Poco::Int64>(n));
    } else if (d.type == "number") {
      std::size_t used = 0;
      double n = 0;
      try {
        n = std::stod(value, &used);
      } catch (const std::exception&) {
        used = 0;
      }
      if (used != value.size()) {
        problems->push_back(Quoted(d) + ": podaj liczbę.");
        continue;
      }
      SetPath(root, d.name, n);
    } else if (d.type == "bool") {
      if (value != "true" && value != "false") {
        problems->push_back(Quoted(d) + ": wybierz „tak” albo „nie”.");
        continue;
      }
      SetPath(root, d.name, value == "true");
    } else if (d.type == "institution") {
      if (!municipality ||
          std::none_of(municipality->institutions.begin(), municipality->institutions.end(),
                       [&](const InstitutionInfo& i) { return i.id == value; })) {
        problems->push_back(Quoted(d) + ": nieznana instytucja.");
        continue;
      }
      SetPath(root, d.name, value);
    } else if (d.type == "choice") {
      if (std::find(d.values.begin(), d.values.end(), value) == d.values.end()) {
        problems->push_back(Quoted(d) + ": wybierz jedną z podanych wartości.");
        continue;
      }
      SetPath(root, d.name, value);
    } else {
      SetPath(root, d.name, value);
    }
  }
  std::ostringstream out;
  root->stringify(out);
  return out.str();
}

}  // namespace koop::server::pages
