// Reading municipality files with libxml2: no network, no entities, no DTD (a DOCTYPE is refused).
// All problems are collected and reported together with their places.
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <set>
#include <sstream>

#include "koop/file_env.h"
#include "koop/local_time.h"
#include "model/xml_limits.h"
#include "municipality/municipality.h"
#include "util/text_shape.h"

namespace koop::municipality {
namespace {

const std::set<std::string>& InstitutionTypes() {
  static const std::set<std::string> kTypes = {
      "OPS",           "PCPR",  "ROPS", "school",           "police", "health",
      "labour-office", "court", "NGO",  "local-government", "church", "other"};
  return kTypes;
}

// A municipality file is a few kilobytes; these bounds are far above any real one.
const model::XmlLimits kMunicipalityXmlLimits{4u << 20, 20000, 64, 64};

const char* const kWeekdays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

class Reader {
 public:
  Reader(const std::string& text, std::vector<Problem>* problems)
      : text_(text), problems_(problems) {
    std::size_t start = 0;
    line_starts_.push_back(0);
    while ((start = text.find('\n', start)) != std::string::npos) line_starts_.push_back(++start);
  }

  // The line and column of `node`'s start tag.
  Place PlaceOf(const xmlNode* node) const {
    int line = node ? static_cast<int>(xmlGetLineNo(node)) : 0;
    int col = 1;
    if (node && line > 0 && static_cast<std::size_t>(line) <= line_starts_.size()) {
      std::size_t from = line_starts_[line - 1];
      std::size_t to = text_.find('\n', from);
      std::string_view l(text_.data() + from, (to == std::string::npos ? text_.size() : to) - from);
      std::size_t at = l.find(std::string("<") + reinterpret_cast<const char*>(node->name));
      if (at == std::string_view::npos)
        at = l.find(':' + std::string(reinterpret_cast<const char*>(node->name)));
      if (at != std::string_view::npos) col = static_cast<int>(at) + 1;
    }
    return Place{line, col};
  }

  void Error(const xmlNode* node, const std::string& message) {
    Place p = PlaceOf(node);
    problems_->push_back(Problem{p.line, p.column, message});
  }

 private:
  const std::string& text_;
  std::vector<Problem>* problems_;
  std::vector<std::size_t> line_starts_;
};

std::string Name(const xmlNode* n) { return reinterpret_cast<const char*>(n->name); }

std::string Attr(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (!v) return "";
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return s;
}

std::vector<std::string> Words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

std::vector<const xmlNode*> Children(const xmlNode* n) {
  std::vector<const xmlNode*> out;
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (c->type == XML_ELEMENT_NODE) out.push_back(c);
  }
  return out;
}

// Reports every attribute of `n` that is not in `allowed` (attributes in a namespace included).
void CheckAttrs(Reader& r, const xmlNode* n, std::initializer_list<const char*> allowed) {
  for (const xmlAttr* a = n->properties; a; a = a->next) {
    std::string name = reinterpret_cast<const char*>(a->name);
    bool known = a->ns == nullptr && std::any_of(allowed.begin(), allowed.end(),
                                                 [&](const char* x) { return name == x; });
    if (known) {
      // Values reach e-mail headers, .ics lines and documents: a character reference such as
      // &#13;&#10; must not smuggle a line break (or any control character) in. The value is
      // not quoted: it may be a person's name.
      std::string value = Attr(n, name.c_str());
      auto bad = std::find_if(value.begin(), value.end(), [](char ch) {
        auto c = static_cast<unsigned char>(ch);
        return c < 0x20 || c == 0x7F;
      });
      if (bad != value.end()) {
        char code[8];
        std::snprintf(code, sizeof code, "%04X", static_cast<unsigned char>(*bad));
        r.Error(n, "attribute '" + name + "' of <" + Name(n) +
                       "> contains the control character U+" + code +
                       " (line breaks and control characters are not allowed)");
      }
      continue;
    }
    std::string list;
    for (const char* x : allowed) list += (list.empty() ? "" : ", ") + std::string(x);
    if (a->ns && a->ns->prefix) name = reinterpret_cast<const char*>(a->ns->prefix) + (":" + name);
    r.Error(n, "unknown attribute '" + name + "' on <" + Name(n) + ">" +
                   (list.empty() ? " (it takes none)" : " (" + list + ")"));
  }
}

// Requires `attr` and returns it (an error otherwise).
std::string Required(Reader& r, const xmlNode* n, const char* attr) {
  std::string v = Attr(n, attr);
  if (v.empty()) r.Error(n, "<" + Name(n) + "> needs a non-empty '" + attr + "' attribute");
  return v;
}

bool ParseHhMm(const std::string& text, int* minutes) {
  std::optional<int> parsed = ParseTimeOfDay(text);
  if (parsed) *minutes = *parsed;
  return parsed.has_value();
}

bool ValidDate(const std::string& text) { return Date::Parse(text).ok(); }

// local@domain: the local part of letters, digits and .!#$%&'*+/=?^_`{|}~-, the domain of letters,
// digits, '.' and '-', beginning and ending with a letter or digit (util/text_shape.h: no regex).
bool IsSingleAddress(const std::string& email) {
  std::string::size_type at = email.find('@');
  if (at == std::string::npos || at == 0 || at + 1 == email.size()) return false;
  for (std::string::size_type i = 0; i < at; ++i) {
    char c = email[i];
    if (!util::IsAsciiAlnum(c) &&
        std::string_view(".!#$%&'*+/=?^_`{|}~-").find(c) == std::string_view::npos) {
      return false;
    }
  }
  std::string_view domain(email);
  domain.remove_prefix(at + 1);
  if (!util::IsAsciiAlnum(domain.front()) || !util::IsAsciiAlnum(domain.back())) return false;
  for (char c : domain) {
    if (!util::IsAsciiAlnum(c) && c != '.' && c != '-') return false;
  }
  return true;
}

// [a-z0-9][a-z0-9._-]*
bool IsMunicipalityId(const std::string& id) {
  if (id.empty() || !util::IsAsciiLowerOrDigit(id[0])) return false;
  for (char c : id) {
    if (!util::IsAsciiLowerOrDigit(c) && c != '.' && c != '_' && c != '-') return false;
  }
  return true;
}

// An e-mail address goes into SMTP envelopes and headers as it is: one addr-spec, local@domain,
// with nothing that could start another recipient or header (spaces, commas, angle brackets...).
void CheckEmail(Reader& r, const xmlNode* n, const std::string& email) {
  if (email.empty()) return;
  if (email.size() > 254 || !IsSingleAddress(email)) {
    r.Error(n, "attribute 'email' of <" + Name(n) +
                   "> is not a single e-mail address (local@domain, no spaces, commas or "
                   "angle brackets)");
  }
}

void ReadInstitution(Reader& r, const xmlNode* n, Municipality& m, std::set<std::string>& ids) {
  CheckAttrs(r, n, {"id", "type", "name", "email", "phone", "roles"});
  Institution inst;
  inst.id = Required(r, n, "id");
  inst.name = Required(r, n, "name");
  inst.type = Required(r, n, "type");
  if (!inst.type.empty() && !InstitutionTypes().count(inst.type)) {
    r.Error(n, "unknown institution type '" + inst.type +
                   "' (OPS, PCPR, ROPS, school, police, health, labour-office, court, NGO, "
                   "local-government, church, other)");
  }
  if (!inst.id.empty() && !ids.insert(inst.id).second) {
    r.Error(n, "duplicate institution id '" + inst.id + "'");
  }
  inst.email = Attr(n, "email");
  CheckEmail(r, n, inst.email);
  inst.phone = Attr(n, "phone");
  inst.roles = Words(Attr(n, "roles"));
  for (const xmlNode* c : Children(n)) {
    std::string tag = Name(c);
    if (tag == "address") {
      CheckAttrs(r, c, {"street", "postal-code", "city"});
      inst.street = Attr(c, "street");
      inst.postal_code = Attr(c, "postal-code");
      inst.city = Attr(c, "city");
      const std::string& pc = inst.postal_code;
      if (!pc.empty() && !(pc.size() == 6 && pc[2] == '-' && util::AllDigits(pc.substr(0, 2)) &&
                           util::AllDigits(pc.substr(3)))) {
        r.Error(c, "postal code '" + inst.postal_code + "' is not NN-NNN");
      }
    } else if (tag == "contact") {
      CheckAttrs(r, c, {"name", "email", "phone", "roles"});
      Contact contact{Required(r, c, "name"), Attr(c, "email"), Attr(c, "phone"),
                      Words(Attr(c, "roles"))};
      CheckEmail(r, c, contact.email);
      inst.contacts.push_back(contact);
    } else {
      r.Error(c, "unexpected <" + tag + "> in <institution> (address, contact)");
    }
  }
  m.institutions.push_back(inst);
}

// "HH:MM" of attribute `attr` of an office-hours <day>; false after reporting a problem.
bool ReadTime(Reader& r, const xmlNode* day, const char* attr, int* minutes) {
  std::string text = Attr(day, attr);
  if (ParseHhMm(text, minutes)) return true;
  if (text.empty()) {
    r.Error(day, "office hours need open=\"HH:MM\" and close=\"HH:MM\" (or closed=\"true\")");
  } else {
    r.Error(day,
            std::string(attr) + " time '" + text + "' is not a time of day HH:MM (00:00-23:59)");
  }
  return false;
}

void ReadOfficeHours(Reader& r, const xmlNode* n, Municipality& m) {
  m.has_office_hours = true;
  CheckAttrs(r, n, {});
  std::set<int> seen;
  for (const xmlNode* c : Children(n)) {
    if (Name(c) != "day") {
      r.Error(c, "unexpected <" + Name(c) + "> in <office-hours> (day)");
      continue;
    }
    CheckAttrs(r, c, {"weekday", "open", "close", "closed"});
    std::string wd = Required(r, c, "weekday");
    int index = -1;
    for (int i = 0; i < 7; ++i) {
      if (wd == kWeekdays[i]) index = i;
    }
    if (index < 0) {
      if (!wd.empty()) r.Error(c, "weekday '" + wd + "' is not one of mon tue wed thu fri sat sun");
      continue;
    }
    if (!seen.insert(index).second) r.Error(c, "weekday '" + wd + "' is listed twice");
    std::string closed = Attr(c, "closed");
    if (!closed.empty() && closed != "true" && closed != "false") {
      r.Error(c, "closed must be 'true' or 'false', not '" + closed + "'");
      continue;
    }
    if (closed == "true") {
      if (!Attr(c, "open").empty() || !Attr(c, "close").empty()) {
        r.Error(c, "a closed day takes no open/close times");
      }
      continue;
    }
    int open = 0, close = 0;
    bool ok = ReadTime(r, c, "open", &open);
    if (!ReadTime(r, c, "close", &close) || !ok) continue;
    if (close <= open) {
      r.Error(c, "office hours on " + wd + " end (" + Attr(c, "close") + ") before they begin (" +
                     Attr(c, "open") + ")");
    }
    m.office_hours[index] = OfficeDay{open, close};
  }
}

void ReadRoot(Reader& r, const xmlNode* root, Municipality& m) {
  CheckAttrs(r, root, {"id", "name", "teryt"});
  m.places[""] = r.PlaceOf(root);
  m.id = Required(r, root, "id");
  if (!m.id.empty() && !IsMunicipalityId(m.id)) {
    r.Error(root,
            "municipality id '" + m.id + "' must be lower-case letters, digits, '.', '_', '-'");
  }
  m.name = Required(r, root, "name");
  m.teryt = Attr(root, "teryt");
  if (!m.teryt.empty() && !(m.teryt.size() == 7 && util::AllDigits(m.teryt))) {
    r.Error(root, "TERYT code '" + m.teryt + "' must be 7 digits");
  }
  std::set<std::string> institution_ids;
  for (const xmlNode* section : Children(root)) {
    std::string tag = Name(section);
    if (tag != "office-hours") CheckAttrs(r, section, {});
    if (tag == "params") {
      for (const xmlNode* p : Children(section)) {
        if (Name(p) != "param") {
          r.Error(p, "unexpected <" + Name(p) + "> in <params> (param)");
          continue;
        }
        CheckAttrs(r, p, {"name", "value"});
        std::string name = Required(r, p, "name");
        if (!name.empty() && !m.places.count("param:" + name))
          m.places["param:" + name] = r.PlaceOf(p);
        if (!xmlHasProp(p, reinterpret_cast<const xmlChar*>("value"))) {
          r.Error(p, "<param> needs a 'value' attribute");
        }
        if (!name.empty() && !m.params.emplace(name, Attr(p, "value")).second) {
          r.Error(p, "parameter '" + name + "' is bound twice");
        }
      }
    } else if (tag == "institutions") {
      m.places["institutions"] = r.PlaceOf(section);
      for (const xmlNode* i : Children(section)) {
        if (Name(i) != "institution") {
          r.Error(i, "unexpected <" + Name(i) + "> in <institutions> (institution)");
          continue;
        }
        ReadInstitution(r, i, m, institution_ids);
      }
    } else if (tag == "office-hours") {
      ReadOfficeHours(r, section, m);
    } else if (tag == "closures") {
      std::set<std::string> dates;
      for (const xmlNode* c : Children(section)) {
        std::string date = Attr(c, "date");
        if (Name(c) != "closure") {
          r.Error(c, "unexpected <" + Name(c) + "> in <closures> (closure)");
          continue;
        }
        CheckAttrs(r, c, {"date", "reason"});
        if (!ValidDate(date)) {
          r.Error(c, "closure date '" + date + "' is not a valid YYYY-MM-DD date");
        } else if (!dates.insert(date).second) {
          r.Error(c, "closure date '" + date + "' is listed twice");
        } else {
          m.closures.push_back(ClosureDay{date, Attr(c, "reason")});
        }
      }
    } else if (tag == "workflows") {
      for (const xmlNode* w : Children(section)) {
        if (Name(w) != "workflow") {
          r.Error(w, "unexpected <" + Name(w) + "> in <workflows> (workflow)");
          continue;
        }
        CheckAttrs(r, w, {"ref"});
        std::string ref = Required(r, w, "ref");
        if (ref.empty()) continue;
        if (m.UsesWorkflow(ref)) {
          r.Error(w, "workflow '" + ref + "' is listed twice");
          continue;
        }
        m.workflows.push_back(ref);
        m.places["workflow:" + ref] = r.PlaceOf(w);
      }
    } else {
      r.Error(section, "unexpected <" + tag +
                           "> in <municipality> (params, institutions, office-hours, closures, "
                           "workflows)");
    }
  }
}

}  // namespace

bool Municipality::UsesWorkflow(const std::string& workflow_id) const {
  return std::find(workflows.begin(), workflows.end(), workflow_id) != workflows.end();
}

Municipality ReadMunicipality(const std::string& xml, const std::string& name,
                              std::vector<Problem>* problems) {
  Municipality m;
  m.file = name;
  if (xml.find("<!DOCTYPE") != std::string::npos || xml.find("<!ENTITY") != std::string::npos) {
    problems->push_back(Problem{1, 1, "a DOCTYPE or ENTITY declaration is not allowed"});
    return m;
  }
  // Shapes that would cost libxml2 minutes are refused before it runs (model/xml_limits.h).
  if (auto shape = model::CheckXmlShape(xml, kMunicipalityXmlLimits)) {
    problems->push_back(Problem{shape->line, shape->column, shape->message});
    return m;
  }
  xmlDoc* doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), name.c_str(), "UTF-8",
                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!doc) {
    const xmlError* e = xmlGetLastError();
    std::string msg = e && e->message ? e->message : "not well-formed XML\n";
    if (!msg.empty() && msg.back() == '\n') msg.pop_back();
    problems->push_back(Problem{e ? e->line : 0, e && e->int2 > 0 ? e->int2 : 1, msg});
    return m;
  }
  Reader r(xml, problems);
  const xmlNode* root = xmlDocGetRootElement(doc);
  std::string ns =
      root && root->ns && root->ns->href ? reinterpret_cast<const char*>(root->ns->href) : "";
  if (!root || Name(root) != "municipality" || ns != kMunicipalityNamespace) {
    r.Error(root, std::string("the root element must be <municipality xmlns=\"") +
                      kMunicipalityNamespace + "\">");
  } else {
    ReadRoot(r, root, m);
  }
  xmlFreeDoc(doc);
  return m;
}

std::string FormatProblems(const std::string& file, std::vector<Problem> problems) {
  std::stable_sort(problems.begin(), problems.end(), [](const Problem& a, const Problem& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  });
  std::string out;
  for (const Problem& p : problems) {
    out += (out.empty() ? "" : "\n") + file + ":" + std::to_string(p.line) + ":" +
           std::to_string(p.column) + ": " + p.message;
  }
  return out;
}

Result<Municipality> ParseMunicipality(const std::string& xml, const std::string& name) {
  std::vector<Problem> problems;
  Municipality m = ReadMunicipality(xml, name, &problems);
  if (!problems.empty()) return Status::DataError(FormatProblems(name, std::move(problems)));
  return m;
}

Result<Municipality> LoadMunicipality(const std::string& path) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > kMunicipalityXmlLimits.max_bytes) {
    return Status::DataError(path + ":1:1: the file is " + std::to_string(size) + " bytes (limit " +
                             std::to_string(kMunicipalityXmlLimits.max_bytes) + ")");
  }
  Result<std::string> text = DefaultFileEnv().ReadFile(path, kMunicipalityXmlLimits.max_bytes);
  if (!text.ok()) return text.status();
  return ParseMunicipality(*text, path);
}

Result<std::string> FindMunicipalityFile(const std::string& dir, const std::string& id_or_path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (id_or_path.find('/') != std::string::npos || id_or_path.ends_with(".xml")) {
    if (fs::is_regular_file(id_or_path, ec)) return id_or_path;
    return Status::NoInput(id_or_path + ": no such municipality file");
  }
  std::vector<std::string> tried = {
      (fs::path(dir) / (id_or_path + ".xml")).string(),
      (fs::path(dir) / "municipalities" / (id_or_path + ".xml")).string()};
  for (const std::string& p : tried) {
    if (fs::is_regular_file(p, ec)) return p;
  }
  return Status::NoInput("unknown municipality '" + id_or_path + "' (looked for " + tried[0] +
                         " and " + tried[1] + ")");
}

}  // namespace koop::municipality
