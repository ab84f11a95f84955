// A store in a temp SQLite file (or KOOP_TEST_PG_URI) holding instances and deadlines written
// straight through the store's table functions, as the instance service writes them. The
// municipality copy and the snapshot hold personal data on purpose: nothing of it may reach a
// reminder, an e-mail, the .ics feed or a log.
#pragma once

#include <Poco/File.h>
#include <Poco/TemporaryFile.h>

#include <memory>
#include <string>

#include "store/deadline_table.h"
#include "store/definition_table.h"
#include "store/instance_table.h"
#include "store/store.h"
#include "time/warsaw_time.h"

namespace koop::testing {

inline constexpr const char* kPersonalName = "Jan Kowalski";
inline constexpr const char* kPersonalDiagnosis = "depresja";
inline constexpr const char* kPersonalPesel = "85010112345";

inline std::string MunicipalityJson() {
  return R"({"id":"sieradz","name":"Gmina Sieradz","institutions":[
    {"id":"ops","name":"OPS Sieradz","type":"OPS","email":"ops@sieradz.example.pl","roles":["lead"],
     "contacts":[{"name":"Jan Kowalski","email":"koordynator@sieradz.example.pl","phone":"600100200",
                  "roles":["coordinator"]}]},
    {"id":"szkola","name":"SP 1","type":"school","email":"sp1@sieradz.example.pl","roles":["ggk.member"],
     "contacts":[]}]})";
}

class DeadlineDb {
 public:
  explicit DeadlineDb(std::string uri = "") {
    if (uri.empty()) {
      path_ = Poco::TemporaryFile::tempName() + ".db";
      uri = path_;
    }
    uri_ = uri;
    store_ = std::move(store::Store::Open(uri).value());
    // A workflow id of its own, so fixtures can share one PostgreSQL database.
    std::string unique = Poco::TemporaryFile::tempName();
    workflow_ = "case-" + unique.substr(unique.rfind('/') + 1);
    auto tx = store_->BeginWrite();
    Check(store::InsertDefinition(*tx, {workflow_, "1", workflow_, "<scxml/>", "case.xml", 0}));
    Check(tx->Commit());
  }
  ~DeadlineDb() {
    store_.reset();
    if (!path_.empty()) {
      for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        Poco::File f(path_ + suffix);
        if (f.exists()) f.remove();
      }
    }
  }
  static void Check(const Status& s) {
    if (!s.ok()) throw std::runtime_error(s.message());
  }

  void AddInstance(const std::string& id, const std::string& municipality_json = "") {
    auto tx = store_->BeginWrite();
    store::InstanceRow row = InstanceRowFor(id);
    if (!municipality_json.empty()) row.municipality = municipality_json;
    Check(store::InsertInstance(*tx, row));
    Check(tx->Commit());
  }
  // A row as AddDeadline writes it, to be adjusted (escalation...) and inserted with AddRow.
  static store::DeadlineRow Row(const std::string& instance, const std::string& id,
                                const std::string& due, const std::string& remind,
                                const std::string& to) {
    store::DeadlineRow row;
    row.instance_id = instance;
    row.deadline_id = id;
    row.title = "Wysłanie zaproszeń na posiedzenie GGK";
    row.due_date = due;
    row.due_at = WarsawEndOfDay(Date::Parse(due).value());
    row.owner_state = "ggk";
    row.remind = remind;
    row.recipients = to;
    return row;
  }
  void AddRow(const store::DeadlineRow& row) {
    auto tx = store_->BeginWrite();
    Check(store::InsertDeadline(*tx, row));
    Check(tx->Commit());
  }
  store::InstanceRow InstanceRowFor(const std::string& id) const {
    store::InstanceRow row;
    row.instance_id = id;
    row.workflow_id = workflow_;
    row.workflow_version = "1";
    row.municipality_id = "sieradz";
    row.municipality = MunicipalityJson();
    row.status = "active";
    row.snapshot = std::string(R"({"data":{"family":{"name":")") + kPersonalName +
                   R"(","pesel":")" + kPersonalPesel + R"(","diagnosis":")" + kPersonalDiagnosis +
                   R"("}}})";
    return row;
  }

  void AddDeadline(const std::string& instance, const std::string& id, const std::string& due,
                   const std::string& remind = R"(["P2D","P1D"])",
                   const std::string& to = R"(["coordinator"])") {
    auto tx = store_->BeginWrite();
    AddDeadline(*tx, instance, id, due, remind, to);
    Check(tx->Commit());
  }
  // Many instances with one deadline each, in one transaction (instance ids PREFIX-0, PREFIX-1...).
  void AddMany(const std::string& prefix, int n, const std::string& due,
               const std::string& remind) {
    auto tx = store_->BeginWrite();
    for (int i = 0; i < n; ++i) {
      std::string id = prefix + "-" + std::to_string(i);
      Check(store::InsertInstance(*tx, InstanceRowFor(id)));
      AddDeadline(*tx, id, "task", due, remind, R"(["coordinator"])");
    }
    Check(tx->Commit());
  }
  static void AddDeadline(store::Transaction& tx, const std::string& instance,
                          const std::string& id, const std::string& due, const std::string& remind,
                          const std::string& to) {
    store::DeadlineRow row = Row(instance, id, due, remind, to);
    Check(store::InsertDeadline(tx, row));
  }

  void Close(const std::string& instance, const std::string& id) {
    auto tx = store_->BeginWrite();
    Check(store::CloseDeadline(*tx, instance, id, store::kDeadlineSatisfied, 0).status());
    Check(tx->Commit());
  }

  store::Store& store() { return *store_; }
  const std::string& uri() const { return uri_; }

 private:
  std::string path_;
  std::string uri_;
  std::string workflow_;
  std::unique_ptr<store::Store> store_;
};

}  // namespace koop::testing
