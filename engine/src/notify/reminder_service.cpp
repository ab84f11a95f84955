// koop::ReminderService: settings → channels, templates and scheduler options, on the store of the
// koop::Database that opens it.
#include "notify/reminder_service.h"

#include <Poco/Environment.h>
#include <Poco/File.h>
#include <Poco/Process.h>

#include <ostream>
#include <sstream>

#include "koop/engine.h"
#include "koop/file_env.h"
#include "koop/local_time.h"
#include "koop/reminders.h"
#include "notify/scheduler.h"
#include "store/reminder_queries.h"

namespace koop {
namespace {

std::string Setting(const std::map<std::string, std::string>& s, const std::string& key,
                    const std::string& fallback = "") {
  auto it = s.find(key);
  return it == s.end() || it->second.empty() ? fallback : it->second;
}

Result<bool> BoolSetting(const std::map<std::string, std::string>& s, const std::string& key,
                         bool fallback) {
  std::string v = Setting(s, key);
  if (v.empty()) return fallback;
  if (v == "true" || v == "yes" || v == "1") return true;
  if (v == "false" || v == "no" || v == "0") return false;
  return Status::Usage("config " + key + ": expected true or false, got '" + v + "'");
}

Result<int> IntSetting(const std::map<std::string, std::string>& s, const std::string& key,
                       int fallback, int min, int max) {
  std::string v = Setting(s, key);
  if (v.empty()) return fallback;
  bool digits = v.size() <= 9;
  for (char c : v) digits = digits && c >= '0' && c <= '9';
  if (!digits || std::stoi(v) < min || std::stoi(v) > max) {
    return Status::Usage("config " + key + ": expected a number " + std::to_string(min) + "-" +
                         std::to_string(max) + ", got '" + v + "'");
  }
  return std::stoi(v);
}

Result<std::unique_ptr<notify::Channel>> EmailChannel(const std::map<std::string, std::string>& s) {
  if (Setting(s, "smtp.host").empty()) return std::unique_ptr<notify::Channel>();
  notify::SmtpSettings smtp;
  smtp.host = Setting(s, "smtp.host");
  Result<int> port = IntSetting(s, "smtp.port", 587, 1, 65535);
  if (!port.ok()) return port.status();
  smtp.port = *port;
  smtp.user = Setting(s, "smtp.user");
  smtp.auth = Setting(s, "smtp.auth", "plain");
  if (smtp.auth != "plain" && smtp.auth != "login") {
    return Status::Usage("config smtp.auth: expected plain or login, got '" + smtp.auth + "'");
  }
  smtp.from = Setting(s, "smtp.from");
  if (smtp.from.empty()) return Status::Usage("config smtp.from: the sender address is missing");
  for (unsigned char c : smtp.from + smtp.host) {
    if (c < 0x20 || c == 0x7F) {
      return Status::Usage("config smtp.from/smtp.host: a control character (line break?) in it");
    }
  }
  Result<bool> starttls = BoolSetting(s, "smtp.starttls", true);
  if (!starttls.ok()) return starttls.status();
  smtp.starttls = *starttls;
  Result<bool> verify = BoolSetting(s, "smtp.verify", true);
  if (!verify.ok()) return verify.status();
  smtp.verify = *verify;
  smtp.cafile = Setting(s, "smtp.cafile");
  Result<int> timeout = IntSetting(s, "smtp.timeout", 30, 1, 3600);
  if (!timeout.ok()) return timeout.status();
  smtp.timeout_seconds = *timeout;
  std::string env = Setting(s, "smtp.password_env");
  if (!smtp.user.empty()) {
    if (env.empty())
      return Status::Usage("config smtp.password_env: name the variable holding the password");
    if (!Poco::Environment::has(env)) {
      return Status::Usage("config smtp.password_env: the environment variable " + env +
                           " is not set");
    }
    smtp.password = Poco::Environment::get(env);
  }
  if (!smtp.user.empty() && !smtp.starttls) {
    return Status::Usage("config smtp.starttls: refusing to send a password without TLS");
  }
  return notify::NewSmtpChannel(smtp);
}

// Raises deadline events through the public Engine (the scheduler's own, on the same store), one
// transaction per event.
class EngineEventSink final : public notify::EventSink {
 public:
  explicit EngineEventSink(std::unique_ptr<Engine> engine) : engine_(std::move(engine)) {}
  Status Raise(const std::string& instance_id, const std::string& event, TimeMs at,
               const std::string& once_key) override {
    Result<StepOutcome> fired = engine_->Fire(FireRequest{.instance_id = instance_id,
                                                          .event = event,
                                                          .data_json = "{}",
                                                          .at = at,
                                                          .at_or_after_last = true,
                                                          .once_key = once_key});
    return fired.status();
  }

 private:
  std::unique_ptr<Engine> engine_;
};

class ReminderServiceImpl final : public ReminderService {
 public:
  ReminderServiceImpl(store::Store& store, std::unique_ptr<Engine> events,
                      notify::ReminderTemplates templates, std::unique_ptr<notify::Channel> email,
                      const ReminderOptions& options, notify::SchedulerOptions scheduler_options)
      : sink_(std::move(events)),
        scheduler_(store, std::move(templates), std::move(email),
                   notify::NewLogChannel(*options.log), &sink_, std::move(scheduler_options)) {
    scheduler_.set_dry_run_output(options.log);
  }

  Result<ReminderTickReport> Tick(TimeMs now) override {
    Result<notify::TickReport> r = scheduler_.Tick(now);
    if (!r.ok()) return r.status();
    return std::move(*r);
  }
  Result<TimeMs> NextWakeUp() override { return scheduler_.NextWakeUp(); }

 private:
  EngineEventSink sink_;
  notify::ReminderScheduler scheduler_;
};

}  // namespace

namespace notify {

Result<std::unique_ptr<ReminderService>> OpenReminderService(store::Store& store,
                                                             std::unique_ptr<Engine> events,
                                                             const ReminderOptions& options) {
  if (options.log == nullptr) return Status::Internal("reminders: no log stream given");
  const auto& s = options.settings;
  Result<std::unique_ptr<notify::Channel>> email = EmailChannel(s);
  if (!email.ok()) return email.status();
  notify::ReminderTemplates templates = notify::ReminderTemplates::Defaults();
  std::string dir = Setting(s, "reminders.templates");
  if (!dir.empty()) {
    if (!Poco::File(dir).exists())
      return Status::NoInput("reminder templates folder '" + dir + "' does not exist");
    Result<notify::ReminderTemplates> loaded = notify::ReminderTemplates::Load(dir);
    if (!loaded.ok()) return loaded.status();
    templates = std::move(*loaded);
  }
  notify::SchedulerOptions so;
  so.dry_run = options.dry_run;
  so.worker_id = options.worker_id.empty()
                     ? Poco::Environment::nodeName() + ":" + std::to_string(Poco::Process::id())
                     : options.worker_id;
  std::string send_time = Setting(s, "reminders.send_time", "07:00");
  std::optional<int> send_minute = ParseTimeOfDay(send_time);
  if (!send_minute) {
    return Status::Usage("config reminders.send_time: expected HH:MM, got '" + send_time + "'");
  }
  so.send_minute = *send_minute;
  so.message_domain = Setting(s, "reminders.message_domain", "kooperacja.local");
  Result<int> batch = IntSetting(s, "reminders.batch", 1000, 1, 1000000);
  if (!batch.ok()) return batch.status();
  so.batch = *batch;
  Result<int> lease = IntSetting(s, "reminders.lease", 300, 1, 86400);
  if (!lease.ok()) return lease.status();
  so.lease_ms = *lease * 1000LL;
  if (!Setting(s, "smtp.host").empty()) {
    // One message is a handful of SMTP round trips, each allowed smtp.timeout: a lease shorter
    // than that could run out while the server is still accepting, and another worker would send
    // the message again.
    Result<int> timeout = IntSetting(s, "smtp.timeout", 30, 1, 3600);
    if (*lease < 10 * *timeout) {
      return Status::Usage("config reminders.lease: " + std::to_string(*lease) +
                           " s is shorter than 10 times smtp.timeout (" + std::to_string(*timeout) +
                           " s); a send could outlive its claim");
    }
  }
  return std::unique_ptr<ReminderService>(new ReminderServiceImpl(
      store, std::move(events), std::move(templates), std::move(*email), options, std::move(so)));
}

}  // namespace notify

Result<int> ExportReminderTemplates(const std::string& dir) {
  FileEnv& env = DefaultFileEnv();
  KOOP_RETURN_IF_ERROR(env.CreateDirectories(dir));
  int written = 0;
  for (notify::ReminderKind k :
       {notify::ReminderKind::kBefore, notify::ReminderKind::kDue, notify::ReminderKind::kOverdue,
        notify::ReminderKind::kEscalation}) {
    std::string path = dir + "/" + notify::ReminderKindName(k) + ".txt";
    if (Poco::File(path).exists()) continue;
    KOOP_RETURN_IF_ERROR(env.WriteFileAtomically(path, notify::ReminderTemplates::DefaultText(k)));
    ++written;
  }
  return written;
}

}  // namespace koop
