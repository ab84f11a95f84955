// Directory over the Store: instance rows and open deadlines, narrowed by the tenant scope. The
// case number, team and active states come from the instance's snapshot (its data model and
// configuration), read once per instance per call.
#include "koop/directory.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <unordered_map>

#include "store/store.h"

namespace koop {
namespace {

struct InstanceFacts {
  std::string case_number;
  std::vector<std::string> states;
  std::vector<std::string> team;
  std::string municipality_name;
  std::string teryt;
};

std::string TextAt(const Poco::JSON::Object::Ptr& o, const std::string& key) {
  if (!o || !o->has(key)) return "";
  Poco::Dynamic::Var v = o->get(key);
  return v.isString() || v.isNumeric() ? v.convert<std::string>() : "";
}

// Reads what the directory needs from an instance row; a malformed document gives empty facts.
InstanceFacts ReadFacts(const std::string& instance_id, const std::string& snapshot,
                        const std::string& municipality_json, const std::string& team_field) {
  InstanceFacts f;
  f.case_number = instance_id;
  try {
    Poco::JSON::Parser parser;
    auto mun = parser.parse(municipality_json).extract<Poco::JSON::Object::Ptr>();
    f.municipality_name = TextAt(mun, "name");
    f.teryt = TextAt(mun, "teryt");
    parser.reset();
    auto root = parser.parse(snapshot).extract<Poco::JSON::Object::Ptr>();
    if (auto conf = root->getArray("configuration")) {
      for (std::size_t i = 0; i < conf->size(); ++i)
        f.states.push_back(conf->getElement<std::string>(i));
    }
    Poco::JSON::Object::Ptr data = root->getObject("data");
    if (data) {
      std::string number = TextAt(data->getObject("sprawa"), "numer");
      if (!number.empty()) f.case_number = number;
      if (!team_field.empty()) {
        Poco::JSON::Array::Ptr team = data->getArray(team_field);
        for (std::size_t i = 0; team && i < team->size(); ++i) {
          Poco::JSON::Object::Ptr item = team->getObject(i);
          std::string id = TextAt(item, "id");
          if (!id.empty()) f.team.push_back(id);
        }
      }
    }
  } catch (const std::exception&) {
    // Written by the engine; an unreadable one is shown by id and matches no team.
  }
  return f;
}

std::string TeamField(const TenantScope& scope, const std::string& workflow_id) {
  auto it = scope.team_fields.find(workflow_id);
  return it == scope.team_fields.end() ? "" : it->second;
}

bool InScope(const TenantScope& scope, const std::string& workflow_id, const InstanceFacts& facts) {
  if (!scope.teryt_prefix.empty() && facts.teryt.rfind(scope.teryt_prefix, 0) != 0) return false;
  if (!scope.institution.empty()) {
    // Fails closed: a workflow the scope does not know is hidden from members.
    auto it = scope.team_fields.find(workflow_id);
    if (it == scope.team_fields.end()) return false;
    if (!it->second.empty() &&
        std::find(facts.team.begin(), facts.team.end(), scope.institution) == facts.team.end())
      return false;
  }
  return true;
}

// " AND i.municipality_id IN (?, ?)" and its parameters.
std::string MunicipalityFilter(const TenantScope& scope, store::SqlParams& params) {
  if (scope.municipalities.empty()) return "";
  std::string sql = " AND i.municipality_id IN (";
  for (std::size_t i = 0; i < scope.municipalities.size(); ++i) {
    sql += i ? ", ?" : "?";
    params.push_back(scope.municipalities[i]);
  }
  return sql + ")";
}

class DirectoryImpl final : public Directory {
 public:
  explicit DirectoryImpl(std::unique_ptr<store::Store> store) : store_(std::move(store)) {}

  Result<std::vector<InstanceListing>> FindInstances(const InstanceQuery& q) override {
    store::SqlParams params;
    std::string sql =
        "SELECT i.instance_id, i.workflow_id, i.workflow_version, i.municipality_id, "
        "i.municipality, i.status, i.snapshot, i.updated_at, i.last_seq FROM instances i "
        "WHERE 1 = 1";
    if (!q.workflow.empty()) {
      sql += " AND i.workflow_id = ?";
      params.push_back(q.workflow);
    }
    sql += MunicipalityFilter(q.scope, params);
    sql += " ORDER BY i.instance_id";
    return Collect(
        sql, params, q.scope,
        [&](const InstanceListing& l) {
          if (!q.case_number.empty() && l.case_number != q.case_number &&
              l.instance_id != q.case_number)
            return false;
          if (!q.stage.empty() &&
              std::find(l.states.begin(), l.states.end(), q.stage) == l.states.end())
            return false;
          return true;
        },
        q.overdue_only, q.now, q.limit);
  }

  Result<std::vector<InstanceListing>> FindInstance(const std::string& instance_id,
                                                    const TenantScope& scope) override {
    store::SqlParams params;
    params.emplace_back(instance_id);
    std::string sql =
        "SELECT i.instance_id, i.workflow_id, i.workflow_version, i.municipality_id, "
        "i.municipality, i.status, i.snapshot, i.updated_at, i.last_seq FROM instances i "
        "WHERE i.instance_id = ?";
    sql += MunicipalityFilter(scope, params);
    return Collect(
        sql, params, scope, [](const InstanceListing&) { return true; }, false, 0, 1);
  }

  Result<std::vector<DeadlineListing>> OpenDeadlines(const DeadlineQuery& q) override {
    store::SqlParams params;
    params.emplace_back(q.until);
    std::string sql =
        "SELECT d.instance_id, d.deadline_id, d.occurrence, d.title, d.due_date, d.due_at, "
        "d.owner_state, i.workflow_id, i.municipality_id, i.municipality, i.snapshot, "
        "i.last_seq "
        "FROM deadlines d JOIN instances i ON i.instance_id = d.instance_id "
        "WHERE d.state = 'open' AND d.due_at < ?";
    sql += MunicipalityFilter(q.scope, params);
    sql += " ORDER BY d.due_at, d.instance_id, d.deadline_id, d.occurrence";
    const bool narrowed = !q.scope.teryt_prefix.empty() || !q.scope.institution.empty();
    if (!narrowed) {
      sql += " LIMIT ?";
      params.push_back(static_cast<std::int64_t>(q.limit));
    }
    Result<store::Transaction> tx = store_->BeginRead();
    if (!tx.ok()) return tx.status();
    Result<store::SqlRows> rows = tx->Query(sql, params);
    if (!rows.ok()) return rows.status();
    std::unordered_map<std::string, std::pair<bool, std::string>> seen;  // id -> in scope, case
    std::vector<DeadlineListing> out;
    for (const store::SqlRow& r : *rows) {
      if (out.size() >= q.limit) break;
      std::string id = r.Text(0);
      auto it = seen.find(id);
      if (it == seen.end()) {
        const InstanceFacts& f =
            Facts(id, r.Int(11), r.Text(10), r.Text(9), TeamField(q.scope, r.Text(7)));
        it = seen.emplace(id, std::make_pair(InScope(q.scope, r.Text(7), f), f.case_number)).first;
      }
      if (!it->second.first) continue;
      DeadlineListing d;
      d.instance_id = id;
      d.case_number = it->second.second;
      d.workflow_id = r.Text(7);
      d.municipality_id = r.Text(8);
      d.deadline_id = r.Text(1);
      d.occurrence = r.Int(2);
      d.title = r.Text(3);
      d.due_date = r.Text(4);
      d.due_at = r.Int(5);
      d.owner_state = r.Text(6);
      d.overdue = d.due_at < q.now;
      out.push_back(std::move(d));
    }
    return out;
  }

 private:
  template <typename Filter>
  Result<std::vector<InstanceListing>> Collect(const std::string& sql,
                                               const store::SqlParams& params,
                                               const TenantScope& scope, Filter keep,
                                               bool overdue_only, TimeMs now, std::size_t limit) {
    Result<store::Transaction> tx = store_->BeginRead();
    if (!tx.ok()) return tx.status();
    Result<store::SqlRows> rows = tx->Query(sql, params);
    if (!rows.ok()) return rows.status();
    std::vector<InstanceListing> out;
    for (const store::SqlRow& r : *rows) {
      InstanceListing l;
      l.instance_id = r.Text(0);
      l.workflow_id = r.Text(1);
      l.workflow_version = r.Text(2);
      l.municipality_id = r.Text(3);
      l.status = r.Text(5);
      l.updated_at = r.Int(7);
      std::string team_field = TeamField(scope, l.workflow_id);
      InstanceFacts f = Facts(l.instance_id, r.Int(8), r.Text(6), r.Text(4), team_field);
      if (!InScope(scope, l.workflow_id, f)) continue;
      l.case_number = f.case_number;
      l.municipality_name = f.municipality_name;
      l.states = std::move(f.states);
      l.team = std::move(f.team);
      if (!keep(l)) continue;
      Result<store::SqlRows> next = tx->Query(
          "SELECT title, due_date, due_at FROM deadlines WHERE instance_id = ? AND state = 'open' "
          "ORDER BY due_at LIMIT 1",
          {l.instance_id});
      if (!next.ok()) return next.status();
      if (!next->empty()) {
        l.next_due_title = next->front().Text(0);
        l.next_due_date = next->front().Text(1);
        l.overdue = now > 0 && next->front().Int(2) < now;
      }
      if (overdue_only && !l.overdue) continue;
      out.push_back(std::move(l));
    }
    std::sort(out.begin(), out.end(), [](const InstanceListing& a, const InstanceListing& b) {
      return a.case_number != b.case_number ? a.case_number < b.case_number
                                            : a.instance_id < b.instance_id;
    });
    if (out.size() > limit) out.resize(limit);
    return out;
  }

  // What ReadFacts found, per instance, while the instance is at the same event (last_seq moves
  // with every event): the task list reads the same instances' snapshots again and again.
  const InstanceFacts& Facts(const std::string& id, std::int64_t last_seq,
                             const std::string& snapshot, const std::string& municipality,
                             const std::string& team_field) {
    std::string key = id + '\n' + team_field;
    auto it = facts_.find(key);
    if (it != facts_.end() && it->second.first == last_seq) return it->second.second;
    if (facts_.size() > kMaxCachedFacts) facts_.clear();
    auto& slot = facts_[key];
    slot = {last_seq, ReadFacts(id, snapshot, municipality, team_field)};
    return slot.second;
  }

  static constexpr std::size_t kMaxCachedFacts = 50000;
  std::unique_ptr<store::Store> store_;
  std::unordered_map<std::string, std::pair<std::int64_t, InstanceFacts>> facts_;
};

}  // namespace

Result<std::unique_ptr<Directory>> Directory::Open(const std::string& db_uri,
                                                   bool create_if_missing) {
  store::OpenOptions open;
  open.create_if_missing = create_if_missing;
  Result<std::unique_ptr<store::Store>> store = store::Store::Open(db_uri, open);
  if (!store.ok()) return store.status();
  return std::unique_ptr<Directory>(new DirectoryImpl(std::move(*store)));
}

}  // namespace koop
