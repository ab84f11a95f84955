// Municipality files (docs/municipality.md) as `koop validate` checks them. Loading them for
// instances is done by Engine::Start.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "koop/calendar.h"
#include "koop/status.h"

namespace koop {

// Whether the file at `path` is a municipality file: its root element is <municipality> (the
// extension does not matter). False when it cannot be read.
bool IsMunicipalityFile(const std::string& path);

// Checks a municipality file: the file itself (elements, attributes, ids, dates, office hours)
// and its fit with the workflows it picks, looked up in `workflows_dir` as `koop start` does
// (DIR/REF.xml, DIR/REF.scxml; without a <workflows> list every workflow there): they exist and
// load, every bound parameter is declared by one of them and has its type, every role their
// deadlines address is held by an institution or a contact. Every problem at once, sorted by
// place, one per line as "file:line:col: message" (kDataError); kNoInput for a missing file.
Status ValidateMunicipalityFile(const std::string& path, const std::string& workflows_dir);

// A municipality's settings as people see them (the web application's forms and administration):
// its name, parameter values, the registry of institutions with their contact persons, closure
// days. Read from the file `koop start` would use (DIR/ID.xml, DIR/municipalities/ID.xml).
struct ContactInfo {
  std::string name, email, phone;
  std::vector<std::string> roles;
};
struct InstitutionInfo {
  std::string id, name, type;
  std::string address;  // "ul. Przykładowa 1, 98-200 Sieradz" ("" when the file gives none)
  std::string email, phone;
  std::vector<std::string> roles;
  std::vector<ContactInfo> contacts;
};
struct MunicipalityInfo {
  std::string id, name, teryt, file;
  std::map<std::string, std::string> params;  // name -> value as written
  std::vector<InstitutionInfo> institutions;
  std::vector<std::pair<std::string, std::string>> closures;  // YYYY-MM-DD, reason
  std::vector<std::string> workflows;                         // ids it uses ("" list: all)
};
// kNoInput for an unknown municipality, kDataError (file:line:col) for a bad file.
Result<MunicipalityInfo> DescribeMunicipality(const std::string& municipalities_dir,
                                              const std::string& id);
// Its calendar: statutory days off, office hours and closure days (what deadlines count with).
Result<std::shared_ptr<Calendar>> MunicipalityCalendar(const std::string& municipalities_dir,
                                                       const std::string& id);

}  // namespace koop
