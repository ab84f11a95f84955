// Database: the one handle on a Kooperacja database (an SQLite file path or a postgresql:// URI).
// Opening it migrates the schema; everything else is reached from it and shares its connection:
// the instances (koop::Engine: definitions, start, fire, show), the open deadlines, the reminder
// scheduler, the document packs, the listings across a tenant (koop::Directory) and the accounts,
// sessions and access log (koop::Accounts).
//
//   koop::DatabaseOptions options;  options.uri = "koop.db";
//   auto db = koop::Database::Open(options);
//   auto started = (*db)->instances().Start({"case", "sieradz", "{}", at});
//   auto feed = (*db)->Deadlines("", koop::DeadlineFormat::kIcs);
//   auto reminders = (*db)->Reminders(reminder_options);   // must not outlive *db
//   (*reminders)->Tick(now);
//
// A Database is used from one thread at a time (its interpreter heap is thread-bound); open one
// per worker. Where workflow and municipality files are looked up is documented in
// docs/storage.md.
#pragma once

#include <memory>
#include <string>

#include "koop/accounts.h"
#include "koop/clock.h"
#include "koop/directory.h"
#include "koop/engine.h"
#include "koop/pack.h"
#include "koop/reminders.h"
#include "koop/status.h"

namespace koop {

struct DatabaseOptions {
  std::string uri = "koop.db";
  // Create a missing SQLite file (koop init, koop start); otherwise a missing file is kNoInput.
  bool create_if_missing = true;
  // The clock for bookkeeping times (recorded_at); event times are given per call.
  std::shared_ptr<Clock> clock;  // null: SystemClock()
  // Where workflows (a file path, or an id resolved as DIR/ID.xml, DIR/ID.scxml) and municipality
  // ids (DIR/ID.xml, DIR/municipalities/ID.xml) are looked up, relative to the working directory.
  std::string workflows_dir = "workflows";
  std::string municipalities_dir = "samples";
  // Who is recorded in the event log as having caused the events ("cli", "scheduler", ...);
  // the reminder scheduler records its deadline events as "scheduler".
  std::string actor = "cli";
  // Sessions and the sign-in throttle of accounts().
  AccountsOptions accounts;
};

class Database {
 public:
  // Opens (and migrates) the database. kUsage for a malformed URI, kIoError when it cannot be
  // read or created, kNoInput for a missing SQLite file without create_if_missing, kDataError
  // for a newer schema or a foreign database; nothing is touched then.
  static Result<std::unique_ptr<Database>> Open(const DatabaseOptions& options);
  virtual ~Database() = default;

  virtual std::string name() const = 0;  // the URI without password
  virtual int schema_version() const = 0;
  virtual int applied_migrations() const = 0;  // by this Open

  // The workflow instances on this database.
  virtual Engine& instances() = 0;

  // Listings of instances and deadlines across a tenant (koop list, the server's lists).
  virtual Directory& directory() = 0;

  // Accounts, sessions, the sign-in throttle and the access log (the server, koop user, audit).
  virtual Accounts& accounts() = 0;

  // Open deadlines across instances due on or before `until_date` ("" = all): text lines
  // "YYYY-MM-DD instance deadline title", a stable JSON array, or an RFC 5545 feed.
  virtual Result<std::string> Deadlines(const std::string& until_date, DeadlineFormat format) = 0;

  // The reminder scheduler on this database (settings checked here: kUsage names the bad one).
  // Deadline events go to instances(). The service must not outlive the Database.
  virtual Result<std::unique_ptr<ReminderService>> Reminders(const ReminderOptions& options) = 0;

  // Renders pack `pack_id` of instance `instance_id` into `out_dir` (created if missing) and
  // writes manifest.json there (koop/pack.h). Nothing is written unless every document renders:
  // documents go to a temporary folder first. Errors: kNoInput (unknown instance, pack,
  // template), kDataError (bad data, template errors with their place), kIoError.
  virtual Result<PackInfo> RenderPack(const std::string& instance_id, const std::string& pack_id,
                                      const std::string& out_dir, TimeMs at,
                                      const PackOptions& options) = 0;
};

}  // namespace koop
