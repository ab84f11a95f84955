#include "notify/reminder_template.h"

#include <filesystem>

#include "koop/file_env.h"

namespace koop::notify {
namespace {

constexpr uint64_t kMaxTemplateBytes = 1 << 20;  // a reminder text, not a document

const char* const kPlaceholders[] = {"sprawa",         "zadanie", "etap",      "termin",
                                     "termin_slownie", "dni",     "dni_slowo", "rola"};

const char* DefaultTextOf(ReminderKind kind) {
  switch (kind) {
    case ReminderKind::kBefore:
      return "Temat: Przypomnienie: {zadanie} – termin {termin}\n\n"
             "Dzień dobry,\n\n"
             "przypominamy, że w sprawie {sprawa} (etap: {etap}) zadanie „{zadanie}” "
             "należy wykonać do {termin_slownie} (pozostało dni: {dni}).\n\n"
             "Wiadomość wysłana automatycznie przez system Kooperacja. Nie zawiera danych "
             "osobowych; szczegóły sprawy są dostępne w systemie.\n";
    case ReminderKind::kDue:
      return "Temat: Dziś mija termin: {zadanie}\n\n"
             "Dzień dobry,\n\n"
             "dziś, {termin_slownie}, mija termin wykonania zadania „{zadanie}” w sprawie "
             "{sprawa} (etap: {etap}).\n\n"
             "Wiadomość wysłana automatycznie przez system Kooperacja. Nie zawiera danych "
             "osobowych; szczegóły sprawy są dostępne w systemie.\n";
    case ReminderKind::kOverdue:
      return "Temat: Termin minął: {zadanie} (sprawa {sprawa})\n\n"
             "Dzień dobry,\n\n"
             "termin wykonania zadania „{zadanie}” w sprawie {sprawa} (etap: {etap}) "
             "upłynął {termin_slownie}. Prosimy o pilne wykonanie zadania lub odnotowanie "
             "go w systemie.\n\n"
             "Wiadomość wysłana automatycznie przez system Kooperacja. Nie zawiera danych "
             "osobowych; szczegóły sprawy są dostępne w systemie.\n";
    case ReminderKind::kEscalation:
      return "Temat: Eskalacja: {zadanie} (sprawa {sprawa})\n\n"
             "Dzień dobry,\n\n"
             "zadanie „{zadanie}” w sprawie {sprawa} (etap: {etap}) nie zostało wykonane, "
             "choć termin upłynął {termin_slownie} ({dni} {dni_slowo} temu). Prosimy o "
             "interwencję.\n\n"
             "Wiadomość wysłana automatycznie przez system Kooperacja. Nie zawiera danych "
             "osobowych; szczegóły sprawy są dostępne w systemie.\n";
  }
  return "";
}

// Checks that every {name} is a known placeholder; reports line:col of the first bad one.
Status CheckPlaceholders(const std::string& text, const std::string& source, int first_line) {
  int line = first_line, col = 1;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{') {
      size_t end = text.find('}', i);
      std::string where = source + ":" + std::to_string(line) + ":" + std::to_string(col) + ": ";
      if (end == std::string::npos) return Status::DataError(where + "unclosed '{'");
      std::string name = text.substr(i + 1, end - i - 1);
      bool known = false;
      for (const char* p : kPlaceholders) known = known || name == p;
      if (!known) {
        return Status::DataError(where + "unknown placeholder {" + name +
                                 "}; reminders may only name {sprawa}, {zadanie}, {etap}, "
                                 "{termin}, {termin_slownie}, {dni}, {dni_slowo}, {rola}");
      }
    }
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++col;
    }
  }
  return Status::Ok();
}

std::string Substitute(const std::string& text, const std::map<std::string, std::string>& values) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{') {
      size_t end = text.find('}', i);
      auto it = values.find(text.substr(i + 1, end - i - 1));
      out += it->second;  // placeholders were checked when the template was parsed
      i = end;
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace

std::string PolishLongDate(const Date& date) {
  static const char* const kMonths[] = {"stycznia", "lutego",       "marca",     "kwietnia",
                                        "maja",     "czerwca",      "lipca",     "sierpnia",
                                        "września", "października", "listopada", "grudnia"};
  return std::to_string(date.day) + " " + kMonths[date.month - 1] + " " +
         std::to_string(date.year) + " r.";
}

Result<RenderedText> ReminderTemplates::Parse(const std::string& raw, const std::string& source) {
  std::string text = raw;
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text = text.substr(3);  // UTF-8 BOM from Notepad
  std::string::size_type eol = text.find('\n');
  std::string first = text.substr(0, eol);
  if (!first.empty() && first.back() == '\r') first.pop_back();
  if (first.rfind("Temat:", 0) != 0) {
    return Status::DataError(source + ":1:1: the first line must be 'Temat: <subject>'");
  }
  RenderedText t;
  t.subject = first.substr(6);
  while (!t.subject.empty() && t.subject.front() == ' ') t.subject.erase(0, 1);
  if (t.subject.empty()) return Status::DataError(source + ":1:7: empty subject");
  t.body = eol == std::string::npos ? "" : text.substr(eol + 1);
  while (!t.body.empty() && (t.body.front() == '\n' || t.body.front() == '\r')) t.body.erase(0, 1);
  std::string body;  // normalise CRLF to LF; channels choose their own line ends
  for (char c : t.body) {
    if (c != '\r') body += c;
  }
  t.body = body;
  KOOP_RETURN_IF_ERROR(CheckPlaceholders(t.subject, source, 1));
  // The body starts after the subject line and the blank lines skipped above.
  int skipped = 1;
  for (size_t i = eol == std::string::npos ? text.size() : eol + 1;
       i < text.size() && (text[i] == '\n' || text[i] == '\r'); ++i) {
    if (text[i] == '\n') ++skipped;
  }
  KOOP_RETURN_IF_ERROR(CheckPlaceholders(t.body, source, skipped + 1));
  return t;
}

std::string ReminderTemplates::DefaultText(ReminderKind kind) { return DefaultTextOf(kind); }

ReminderTemplates ReminderTemplates::Defaults() {
  ReminderTemplates t;
  for (ReminderKind k : {ReminderKind::kBefore, ReminderKind::kDue, ReminderKind::kOverdue,
                         ReminderKind::kEscalation}) {
    t.templates_[k] = Parse(DefaultTextOf(k), ReminderKindName(k)).value();
  }
  return t;
}

Result<ReminderTemplates> ReminderTemplates::Load(const std::string& dir) {
  ReminderTemplates t = Defaults();
  for (auto& [kind, text] : t.templates_) {
    std::string path = dir + "/" + ReminderKindName(kind) + ".txt";
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) continue;  // the built-in text stays
    Result<std::string> content = DefaultFileEnv().ReadFile(path, kMaxTemplateBytes);
    if (!content.ok()) return content.status();
    Result<RenderedText> parsed = Parse(*content, path);
    if (!parsed.ok()) return parsed.status();
    text = *parsed;
  }
  return t;
}

RenderedText ReminderTemplates::Render(const Reminder& r) const {
  int n = r.days < 0 ? -r.days : r.days;
  bool one = n == 1;
  std::map<std::string, std::string> values = {{"sprawa", r.case_number},
                                               {"zadanie", r.task},
                                               {"etap", r.stage},
                                               {"termin", r.due_date.ToString()},
                                               {"termin_slownie", PolishLongDate(r.due_date)},
                                               {"dni", std::to_string(n)},
                                               {"dni_slowo", one ? "dzień" : "dni"},
                                               {"rola", r.role}};
  const RenderedText& t = templates_.at(r.kind);
  return RenderedText{Substitute(t.subject, values), Substitute(t.body, values)};
}

}  // namespace koop::notify
