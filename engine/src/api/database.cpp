// koop::Database: one Store (one connection) shared by the instances, the deadline listing, the
// reminder scheduler, the packs, the directory and the accounts. The only place that opens a Store
// for the public API.
#include "koop/database.h"

#include "accounts/accounts_impl.h"
#include "catalog/new_directory.h"
#include "instance/instance_engine.h"
#include "notify/reminder_service.h"
#include "pack/pack_render.h"
#include "store/store.h"

namespace koop {
namespace {

class DatabaseImpl final : public Database {
 public:
  DatabaseImpl(std::unique_ptr<store::Store> store, const DatabaseOptions& options)
      : options_(options),
        store_(std::move(store)),
        instances_(instance::NewEngine(*store_, options_)) {}

  std::string name() const override { return store_->display_name(); }
  int schema_version() const override { return store_->schema_version(); }
  int applied_migrations() const override { return store_->applied_migrations(); }

  Engine& instances() override { return *instances_; }

  Directory& directory() override {
    if (!directory_) directory_ = catalog::NewDirectory(*store_);
    return *directory_;
  }

  Accounts& accounts() override {
    if (!accounts_) {
      accounts_ =
          std::make_unique<accounts::AccountsImpl>(*store_, options_.accounts, options_.clock);
    }
    return *accounts_;
  }

  Result<std::string> Deadlines(const std::string& until_date, DeadlineFormat format) override {
    return notify::ListOpenDeadlines(*store_, until_date, format);
  }

  Result<std::unique_ptr<ReminderService>> Reminders(const ReminderOptions& options) override {
    DatabaseOptions scheduler = options_;
    scheduler.actor = "scheduler";
    return notify::OpenReminderService(*store_, instance::NewEngine(*store_, scheduler), options);
  }

  Result<PackInfo> RenderPack(const std::string& instance_id, const std::string& pack_id,
                              const std::string& out_dir, TimeMs at,
                              const PackOptions& options) override {
    return pack::RenderPack(*instances_, {options_.workflows_dir, options_.municipalities_dir},
                            instance_id, pack_id, out_dir, at, options);
  }

 private:
  DatabaseOptions options_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Engine> instances_;
  std::unique_ptr<Directory> directory_;  // made on first use, on store_
  std::unique_ptr<Accounts> accounts_;
};

}  // namespace

Result<std::unique_ptr<Database>> Database::Open(const DatabaseOptions& options) {
  store::OpenOptions open;
  open.create_if_missing = options.create_if_missing;
  Result<std::unique_ptr<store::Store>> store = store::Store::Open(options.uri, open);
  if (!store.ok()) return store.status();
  return std::unique_ptr<Database>(new DatabaseImpl(std::move(*store), options));
}

}  // namespace koop
