// Municipality: one municipality's settings as read from its file (docs/municipality.md): id, name,
// TERYT code, parameter values bound into workflows, the registry of institutions with their
// contact persons and roles, office hours, closure days and the workflows it uses. Immutable once
// loaded; copied into each instance at start so a later edit of the file does not change running
// instances.
#pragma once

#include <array>
#include <map>
#include <string>
#include <vector>

#include "koop/calendar.h"
#include "koop/status.h"

namespace koop::municipality {

inline constexpr const char* kMunicipalityNamespace = "urn:kooperacja:municipality:1";

struct Contact {
  std::string name;
  std::string email;
  std::string phone;
  std::vector<std::string> roles;  // e.g. "coordinator", "ggk.member"
};

struct Institution {
  std::string id;
  std::string name;
  std::string type;  // OPS, PCPR, ROPS, school, police, health, labour-office, court, NGO, other
  std::string street, postal_code, city;
  std::string email;
  std::string phone;
  std::vector<std::string> roles;  // roles the institution itself plays (e.g. "lead")
  std::vector<Contact> contacts;
};

struct OfficeDay {
  int open_minute = 0;  // minutes after local midnight; open == close = closed
  int close_minute = 0;
};

struct ClosureDay {
  std::string date;  // YYYY-MM-DD
  std::string reason;
};

// A place in a municipality file (1-based; 0 = unknown).
struct Place {
  int line = 0;
  int column = 0;
};

struct Problem {
  int line = 0;
  int column = 0;
  std::string message;
};

struct Municipality {
  std::string id;
  std::string name;
  std::string teryt;                          // 7-digit TERYT-like code
  std::string file;                           // where it was loaded from
  std::map<std::string, std::string> params;  // name -> literal value as written
  std::vector<Institution> institutions;
  std::array<OfficeDay, 7> office_hours{};  // [0] = Monday
  bool has_office_hours = false;
  std::vector<ClosureDay> closures;
  std::vector<std::string> workflows;  // workflow ids it uses
  // Where things were written, for checks made after reading (koop validate): "" the root,
  // "institutions", "param:NAME", "workflow:REF". Empty for a municipality read from JSON.
  std::map<std::string, Place> places;

  bool UsesWorkflow(const std::string& workflow_id) const;
};

// Parses a municipality file. Every problem is reported at once, one per line, as
// "file:line:col: message" (kDataError); a missing file is kNoInput.
Result<Municipality> LoadMunicipality(const std::string& path);
Result<Municipality> ParseMunicipality(const std::string& xml, const std::string& name);
// Reads what it can, adding every problem found to `problems` (for checks that go on).
Municipality ReadMunicipality(const std::string& xml, const std::string& name,
                              std::vector<Problem>* problems);
// "file:line:col: message" lines, sorted by place (stable).
std::string FormatProblems(const std::string& file, std::vector<Problem> problems);

// The checks of `koop validate` beyond the file itself, against the workflows the municipality
// picks, found by workflow id (<scxml name>) among the valid workflows in `workflows_dir` (all of
// them without a <workflows> list): each picked workflow exists, every bound parameter is declared
// by one of them (judged only when all were found) and fits its type, every role their deadlines
// and recurring obligations address is held by an institution or a contact.
void CheckAgainstWorkflows(const Municipality& m, const std::string& workflows_dir,
                           std::vector<Problem>* problems);

// Finds the file of municipality `id_or_path`: an existing path is taken as is, else DIR/ID.xml,
// then DIR/municipalities/ID.xml. kNoInput naming the places tried.
Result<std::string> FindMunicipalityFile(const std::string& dir, const std::string& id_or_path);

// The municipality as a JSON object (stored with each instance and shown to workflows and
// templates; docs/municipality.md lists the keys).
std::string MunicipalityToJson(const Municipality& m);
// kDataError naming `source` ("municipality of instance X") when the JSON is unreadable
// (SOURCE:LINE:COL) or not the shape MunicipalityToJson writes.
Result<Municipality> MunicipalityFromJson(const std::string& json,
                                          const std::string& source = "stored municipality");

// The municipality's calendar: the Polish statutory days with its office hours and closure days
// (engine/src/municipality/municipality_calendar.cpp). Used for every date of its instances:
// deadlines, reminder and escalation days.
std::shared_ptr<Calendar> OfficeCalendar(const Municipality& m);

}  // namespace koop::municipality
