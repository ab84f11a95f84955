// Reminder texts: one template per reminder kind, in Polish, editable by the administrator. A
// template file is "Temat: <subject>" on its first line, an empty line, then the body. Placeholders
// (the only ones there are — see reminder.h for why):
//   {sprawa}  case number          {zadanie}  task            {etap}  stage
//   {termin}  due date 2025-12-29  {termin_slownie}  "29 grudnia 2025 r."
//   {dni}     days left or late    {dni_slowo}  "dzień"/"dni"  {rola}  the role reminded
// A template naming anything else is rejected when loaded (kDataError "file:line:col: ...").
#pragma once

#include <map>
#include <string>

#include "koop/status.h"
#include "notify/reminder.h"

namespace koop::notify {

struct RenderedText {
  std::string subject;
  std::string body;
};

class ReminderTemplates {
 public:
  // The built-in Polish texts.
  static ReminderTemplates Defaults();
  // The built-in texts, each replaced by DIR/<kind>.txt where that file exists.
  static Result<ReminderTemplates> Load(const std::string& dir);
  // Parses one template's text; `source` names it in errors.
  static Result<RenderedText> Parse(const std::string& text, const std::string& source);
  // The default text of a kind, in file form (for `koop remind --export-templates DIR`).
  static std::string DefaultText(ReminderKind kind);

  RenderedText Render(const Reminder& reminder) const;

 private:
  std::map<ReminderKind, RenderedText> templates_;  // unrendered subject and body
};

// "29 grudnia 2025 r."
std::string PolishLongDate(const Date& date);

}  // namespace koop::notify
