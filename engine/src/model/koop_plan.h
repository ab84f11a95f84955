// The `koop` extension (namespace urn:kooperacja:workflow:1) as the loader hands it on: metadata,
// typed parameters and fields, deadlines, recurring obligations and document packs. These are
// plain, immutable values inside a Chart; the time engine computes dates from them, the durable
// layer persists what the interpreter reports about them (see exec/effects.h). The syntax is
// documented in docs/workflow-language.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "koop/calendar.h"

namespace koop::model {

inline constexpr const char* kKoopNamespace = "urn:kooperacja:workflow:1";

// A place in a definition file; line and column are 1-based (0 = unknown).
struct SourcePos {
  int line = 0;
  int column = 0;
};

// Types of parameters and fields.
enum class ValueType {
  kString,
  kInt,
  kNumber,
  kBool,
  kDate,         // "2026-11-23"
  kDateTime,     // "2026-11-23T10:00"
  kDuration,     // ISO 8601 "P3M"
  kDays,         // a count of calendar days
  kWorkingDays,  // a count of working days
  kList,         // JSON array
  kObject,       // JSON object
};

// "working-days" etc.; nullopt for an unknown name.
std::optional<ValueType> ParseValueType(const std::string& name);
const char* ValueTypeName(ValueType type);
// Whether literal text (an XML attribute: a default, a municipality binding) is a value of `type`.
bool ValueFits(ValueType type, const std::string& text);
// What a value of `type` must look like ("a whole number", "a JSON list"...), or "" when the text
// fits. Municipality bindings are checked with it by `koop validate` and by `koop start` alike.
std::string ValueMisfit(ValueType type, const std::string& text);

// An ISO 8601 duration as a workflow writes it: the time layer's koop::Duration (its one parser,
// engine/src/time/duration.cpp) and the text as written. Months and years are calendar units, so
// the value is kept by component; the time engine applies them under the KPA rules.
struct IsoDuration : Duration {
  std::string text;  // as written
};
// Parses "P3M", "P14D", "PT2H" with koop::Duration::Parse; nullopt when malformed, empty ("P") or
// in working days ("P5WD": a workflow counts working days as a due amount, "+ 5 working days").
std::optional<IsoDuration> ParseIsoDuration(const std::string& text);
// Why `text` cannot be a reminder or escalation period (remind="P2D,P1D", escalate="P3D"), or ""
// when it can: koop::ParsePeriod (time/period.h), the check the reminder scheduler applies too, so
// what it could not use (a time part, working days, zero, longer than ten years, a malformed text)
// is refused when the workflow is loaded instead of being skipped at sending time
// (docs/calendar.md).
std::string DayPeriodMisfit(const std::string& text);

// <k:param name="ggk.noticeDays" type="working-days" default="5" title="..."/>
struct KoopParam {
  std::string name;
  ValueType type = ValueType::kString;
  std::optional<std::string> default_value;  // the literal text, checked against the type
  std::string title;
  SourcePos pos;
};

// <k:field name="family.members" type="list" required="true" personal="true" title="..."/>
struct KoopField {
  std::string name;  // dotted path into the data model
  ValueType type = ValueType::kString;
  bool required = false;
  bool personal = false;  // never in logs, reminders, e-mails or .ics
  std::string title;
  SourcePos pos;
};

// The structured form of a deadline's `due` attribute (grammar in docs/workflow-language.md):
//   due      := anchor [ ("+" | "-") amount unit ]  |  duration          (from the state's entry)
//   anchor   := "entry" | "now" | "event(" NAME ")" | "param(" 'NAME' ")" | field-path
//   amount   := INTEGER | "param(" 'NAME' ")"
//   unit     := "days" | "working days" | "weeks" | "months" | ISO-duration (then no amount)
// Examples: "ggk.meetingDate - param('ggk.noticeDays') working days", "entry + 7 days",
// "event(application.filed) + P1M", "P14D".
struct DueSpec {
  enum class Anchor { kEntry, kNow, kEvent, kParam, kField };
  enum class Unit { kNone, kDays, kWorkingDays, kWeeks, kMonths, kDuration };
  Anchor anchor = Anchor::kEntry;
  std::string anchor_name;    // event name, parameter name or field path
  int sign = +1;              // +1 after the anchor, -1 before ("at least N days before X")
  std::optional<int> amount;  // literal amount
  std::string amount_param;   // or the parameter holding it
  Unit unit = Unit::kNone;
  std::optional<IsoDuration> duration;  // when unit == kDuration
  std::string text;                     // as written
};

// <k:deadline id title due remind to escalate escalate-to/> inside <onentry>/<onexit>/transition.
struct KoopDeadline {
  std::string id;
  std::string title;
  DueSpec due;
  std::vector<IsoDuration> remind;      // "P2D,P1D": reminders that long before the due date
  std::string to;                       // role to remind ("coordinator")
  std::optional<IsoDuration> escalate;  // escalate that long after the due date is missed
  std::string escalate_to;              // role for the escalation
  SourcePos pos;
};

// The structured form of a recurring obligation's `every` attribute:
//   every := ISO-duration | "param(" 'NAME' ")" [ "days" | "weeks" | "months" ]
// A literal period ("P3M"); or a <k:param> holding it: of type duration without a unit
// ("param('case.monitoringEvery')"), a whole count (int or days) with one
// ("param('pzk.meetingEveryMonths') months"). Resolved with the municipality's bindings when the
// series is opened. Series count calendar time only: no working days, no time of day.
struct EverySpec {
  IsoDuration literal;  // when param is empty
  std::string param;    // the parameter's name, or empty
  DueSpec::Unit unit =
      DueSpec::Unit::kNone;  // kNone (a duration parameter), kDays, kWeeks, kMonths
  std::string text;          // as written
};

// <k:recurring id every satisfied-by title to remind escalate escalate-to/> as a child of a
// state: an obligation "at least every `every` since it was last satisfied", active while the
// state is active. Escalation as for deadlines: that long after a missed due date, to
// `escalate_to` (default: `to`).
struct KoopRecurring {
  std::string id;
  std::string title;
  EverySpec every;
  std::vector<std::string> satisfied_by;  // event descriptors (space separated in the XML)
  std::string to;
  std::vector<IsoDuration> remind;
  std::optional<IsoDuration> escalate;
  std::string escalate_to;
  SourcePos pos;
};

// <k:document template="zaproszenie-ggk.docx" foreach="ggk.institutions" as="inst" name="..."/>
struct KoopDocument {
  std::string template_file;
  std::string foreach;  // data-model path of a list; empty = one document
  std::string as;       // name of the item inside the template data
  std::string name;     // output file name pattern (optional)
  SourcePos pos;
};

// <k:pack id title> <k:document .../>... </k:pack> as a child of a state.
struct KoopPack {
  std::string id;
  std::string title;
  std::vector<KoopDocument> documents;
  SourcePos pos;
};

// <k:event name title/> at the top level: a Polish title for an event name (optional).
struct KoopEventTitle {
  std::string name;
  std::string title;
  SourcePos pos;
};

}  // namespace koop::model
