// DescribeMunicipality and MunicipalityCalendar (koop/municipality.h): the public view of a
// municipality file for the server's pages.
#include "koop/municipality.h"
#include "municipality/municipality.h"

namespace koop {
namespace {

Result<municipality::Municipality> Load(const std::string& dir, const std::string& id) {
  // Only ids: a path would reach files outside the municipalities folder.
  if (id.empty() || id.find('/') != std::string::npos || id.find('\\') != std::string::npos ||
      id.front() == '.') {
    return Status::NoInput("no municipality '" + id + "'");
  }
  Result<std::string> file = municipality::FindMunicipalityFile(dir, id);
  if (!file.ok()) return file.status();
  return municipality::LoadMunicipality(*file);
}

std::string AddressOf(const municipality::Institution& i) {
  std::string place = i.postal_code;
  if (!i.city.empty()) place += (place.empty() ? "" : " ") + i.city;
  if (i.street.empty()) return place;
  return place.empty() ? i.street : i.street + ", " + place;
}

}  // namespace

Result<MunicipalityInfo> DescribeMunicipality(const std::string& municipalities_dir,
                                              const std::string& id) {
  Result<municipality::Municipality> m = Load(municipalities_dir, id);
  if (!m.ok()) return m.status();
  MunicipalityInfo info;
  info.id = m->id;
  info.name = m->name;
  info.teryt = m->teryt;
  info.file = m->file;
  info.params = m->params;
  for (const municipality::Institution& i : m->institutions) {
    InstitutionInfo out{i.id, i.name, i.type, AddressOf(i), i.email, i.phone, i.roles, {}};
    for (const municipality::Contact& c : i.contacts) {
      out.contacts.push_back(ContactInfo{c.name, c.email, c.phone, c.roles});
    }
    info.institutions.push_back(std::move(out));
  }
  for (const municipality::ClosureDay& c : m->closures)
    info.closures.emplace_back(c.date, c.reason);
  info.workflows = m->workflows;
  return info;
}

Result<std::shared_ptr<Calendar>> MunicipalityCalendar(const std::string& municipalities_dir,
                                                       const std::string& id) {
  Result<municipality::Municipality> m = Load(municipalities_dir, id);
  if (!m.ok()) return m.status();
  return municipality::OfficeCalendar(*m);
}

}  // namespace koop
