// `remind` and `listing`: the real reminder service (log channel) at a simulated time, and the
// open-deadline listing behind `koop deadlines`.
#include <fstream>
#include <sstream>

#include "koop/calendar.h"
#include "scenario/scenario_mail.h"
#include "scenario/scenario_run.h"

namespace koop::scenario {
namespace {

// "reminder <id> to ROLE: SUBJECT" → "to ROLE: SUBJECT"; the dry run's "message <id> to ..." →
// "would send to ..." and "event INSTANCE EVENT" → "would raise EVENT into INSTANCE".
std::string Readable(const std::string& line) {
  std::istringstream in(line);
  std::string kind, id;
  in >> kind >> id;
  std::string rest;
  std::getline(in, rest);
  if (!rest.empty() && rest[0] == ' ') rest.erase(0, 1);
  if (kind == "reminder" && rest.rfind("to ", 0) == 0) return rest;
  if (kind == "message" && rest.rfind("to ", 0) == 0) return "would send " + rest;
  if (kind == "event" && rest.find(' ') == std::string::npos) {
    return "would raise " + rest + " into " + id;
  }
  return line;
}

}  // namespace

Result<Lines> ScenarioRun::Remind(const Command& c) {
  bool dry = c.flags.size() == 1 && c.flags[0] == "dry-run";
  if (!c.has_at || !c.args.empty() || c.has_with || (!c.flags.empty() && !dry)) {
    return Status::DataError(c.where + ":1: expected remind at DATE [HH:MM] [dry-run]");
  }
  Result<std::map<std::string, InstanceView>> before = ShowAll();
  if (!before.ok()) return before.status();
  std::ostringstream log;
  ReminderOptions ro;
  ro.settings = settings_;
  ro.log = &log;
  ro.dry_run = dry;
  ro.worker_id = "scenario";
  Result<Database*> database = OpenDatabase();
  if (!database.ok()) return database.status();
  Result<std::unique_ptr<ReminderService>> service = (*database)->Reminders(ro);
  if (!service.ok()) return service.status();
  Result<ReminderTickReport> tick = (*service)->Tick(c.at);
  if (!tick.ok()) return tick.status();
  report.reminders += tick->sent;
  Lines out;
  std::istringstream lines(log.str());
  std::string line;
  while (std::getline(lines, line)) {
    if (!line.empty()) out.push_back(Readable(line));
  }
  // The deadline events the scheduler raised into the instances, from their histories.
  Result<std::map<std::string, InstanceView>> after = ShowAll();
  if (!after.ok()) return after.status();
  for (const auto& [id, view] : *after) {
    std::int64_t seen = before->at(id).last_seq;
    for (const auto& h : view.history) {
      if (h.seq <= seen) continue;
      out.push_back("raised " + h.event + " into " + id + " at " + LocalTime(h.at) + ", " +
                    h.outcome);
    }
  }
  return out;
}

Result<Lines> ScenarioRun::Smtp(const Command& c) {
  if (!c.args.empty() || c.has_at || c.has_with) {
    return Status::DataError(c.where + ":1: expected smtp (alone on its line)");
  }
  if (options_.smtp_dir.empty()) {
    report.needs_smtp = true;
    return Status::Usage(
        "this scenario sends e-mail: it needs the folder of a loopback SMTP server "
        "(tests/scenario/with_smtp.sh starts one)");
  }
  std::ifstream port_file(options_.smtp_dir + "/port");
  std::string port;
  if (!(port_file >> port)) {
    return Status::NoInput(options_.smtp_dir + "/port: no SMTP server port");
  }
  settings_["smtp.host"] = "127.0.0.1";
  settings_["smtp.port"] = port;
  settings_["smtp.user"] = "koop";
  settings_["smtp.password_env"] = "KOOP_SMTP_PASSWORD";
  settings_["smtp.from"] = "kooperacja@przypomnienia.example";
  settings_["smtp.cafile"] = options_.smtp_dir + "/cert.pem";
  // Messages of an earlier scenario in the same folder are not this one's.
  Result<Lines> old = ReadNewMail(options_.smtp_dir, mail_seen_);
  if (!old.ok()) return old.status();
  return Lines{};
}

Result<Lines> ScenarioRun::Mail(const Command& c) {
  if (!c.args.empty() || c.has_at || c.has_with) {
    return Status::DataError(c.where + ":1: expected mail (alone on its line)");
  }
  if (settings_.count("smtp.host") == 0) {
    return Status::DataError("'mail' needs a working 'smtp' line before it");
  }
  return ReadNewMail(options_.smtp_dir, mail_seen_);
}

Result<Lines> ScenarioRun::Listing(const Command& c) {
  DeadlineFormat format = DeadlineFormat::kText;
  std::string until;
  std::size_t i = 0;
  if (i < c.args.size() && (c.args[i] == "json" || c.args[i] == "ics")) {
    format = c.args[i] == "json" ? DeadlineFormat::kJson : DeadlineFormat::kIcs;
    ++i;
  }
  if (i + 1 < c.args.size() && c.args[i] == "until") {
    until = c.args[i + 1];
    Result<Date> d = Date::Parse(until);
    if (!d.ok()) return d.status();
    i += 2;
  }
  if (i != c.args.size() || c.has_at || c.has_with) {
    return Status::DataError(c.where + ":1: expected listing [json|ics] [until DATE]");
  }
  Result<Database*> database = OpenDatabase();  // creates the database
  if (!database.ok()) return database.status();
  Result<std::string> text = (*database)->Deadlines(until, format);
  if (!text.ok()) return text.status();
  Lines out;
  std::istringstream lines(*text);
  std::string line;
  int n = 0;
  while (std::getline(lines, line)) {
    ++n;
    // iCalendar lines end with CRLF (RFC 5545 §3.1): a bare LF fails the command.
    if (format == DeadlineFormat::kIcs) {
      if (line.empty() || line.back() != '\r') {
        return Status::DataError("line " + std::to_string(n) +
                                 " of the iCalendar feed does not end with CRLF");
      }
      line.pop_back();
      // A folded line (RFC 5545 §3.1: CRLF and a blank) is shown unfolded, so that ids and
      // personal texts are matched whole.
      if (!line.empty() && line[0] == ' ' && !out.empty()) {
        out.back() += line.substr(1);
        continue;
      }
    }
    out.push_back(line);
  }
  return out;
}

}  // namespace koop::scenario
