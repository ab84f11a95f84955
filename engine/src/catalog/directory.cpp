// Directory over the Store: instance rows and open deadlines, narrowed by the tenant scope. The
// case number, team and active states come from the instance's snapshot (its data model and
// configuration), through the shared facts cache (catalog/instance_facts.h): the listing queries
// read only small columns and the version (last_seq); snapshots are read for the
// instances whose facts are not cached at that version. No query per listed row.
#include "koop/directory.h"

#include <algorithm>
#include <unordered_map>

#include "catalog/instance_facts.h"
#include "catalog/new_directory.h"
#include "store/store.h"

namespace koop {
namespace {

using catalog::FactsKey;
using catalog::InstanceFacts;

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

constexpr std::size_t kChunk = 64;
constexpr std::int64_t kDeadlinePage = 500;

const char* const kInstanceColumns =
    "SELECT i.instance_id, i.workflow_id, i.workflow_version, i.municipality_id, i.status, "
    "i.updated_at, i.last_seq FROM instances i ";

class DirectoryImpl final : public Directory {
 public:
  explicit DirectoryImpl(store::Store& store) : store_(&store) {}

  Result<std::vector<InstanceListing>> FindInstances(const InstanceQuery& q) override {
    store::SqlParams params;
    std::string sql = std::string(kInstanceColumns) + "WHERE 1 = 1";
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
    std::string sql = std::string(kInstanceColumns) + "WHERE i.instance_id = ?";
    sql += MunicipalityFilter(scope, params);
    return Collect(
        sql, params, scope, [](const InstanceListing&) { return true; }, false, 0, 1);
  }

  Result<std::vector<DeadlineListing>> OpenDeadlines(const DeadlineQuery& q) override {
    store::SqlParams params;
    params.emplace_back(q.until);
    // The order is the index deadlines_open_order's, so the database reads one page of it and
    // stops (migration 8); a page starts after the key of the previous one (keyset paging: the
    // index is entered at that key, no row before it is read). Of the instance only columns
    // stored before its snapshot are read (a column after it would make SQLite walk the
    // snapshot's overflow pages); facts come cached.
    std::string sql =
        "SELECT d.instance_id, d.deadline_id, d.occurrence, d.title, d.due_date, d.due_at, "
        "d.owner_state, i.workflow_id, i.municipality_id, i.last_seq "
        "FROM deadlines d JOIN instances i ON i.instance_id = d.instance_id "
        "WHERE d.state = 'open' AND d.due_at < ? "
        "AND (d.due_at, d.instance_id, d.deadline_id, d.occurrence) > (?, ?, ?, ?)";
    // Without a cursor, a key before every deadline's (no due time lies 2^62 ms before 1970).
    DeadlineCursor from = q.after.value_or(DeadlineCursor{-(std::int64_t{1} << 62), "", "", 0});
    const std::size_t key_at = params.size();
    params.emplace_back(from.due_at);
    params.emplace_back(from.instance_id);
    params.emplace_back(from.deadline_id);
    params.emplace_back(from.occurrence);
    sql += MunicipalityFilter(q.scope, params);
    sql += " ORDER BY d.due_at, d.instance_id, d.deadline_id, d.occurrence LIMIT ?";
    // A scope narrowed by region or team keeps only some rows: read page after page until the
    // limit is reached or the deadlines run out.
    const bool narrowed = !q.scope.teryt_prefix.empty() || !q.scope.institution.empty();
    const std::int64_t page =
        narrowed ? std::max<std::int64_t>(kDeadlinePage, static_cast<std::int64_t>(q.limit))
                 : static_cast<std::int64_t>(q.limit);
    params.emplace_back(page);
    Result<store::Transaction> tx = store_->BeginRead();
    if (!tx.ok()) return tx.status();
    std::vector<DeadlineListing> out;
    while (out.size() < q.limit) {
      Result<store::SqlRows> rows = tx->Query(sql, params);
      if (!rows.ok()) return rows.status();
      std::vector<FactsKey> keys;
      keys.reserve(rows->size());
      for (const store::SqlRow& r : *rows)
        keys.push_back({r.Text(0), TeamField(q.scope, r.Text(7)), r.Int(9)});
      Result<std::vector<std::shared_ptr<const InstanceFacts>>> facts =
          catalog::LoadFacts(*tx, store_->display_name(), keys);
      if (!facts.ok()) return facts.status();
      for (std::size_t k = 0; k < rows->size() && out.size() < q.limit; ++k) {
        const store::SqlRow& r = (*rows)[k];
        const InstanceFacts& f = *(*facts)[k];
        if (!InScope(q.scope, r.Text(7), f)) continue;
        DeadlineListing d;
        d.instance_id = r.Text(0);
        d.case_number = f.case_number;
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
      if (static_cast<std::int64_t>(rows->size()) < page) break;
      const store::SqlRow& last = rows->back();  // the next page starts after it
      params[key_at] = last.Int(5);
      params[key_at + 1] = last.Text(0);
      params[key_at + 2] = last.Text(1);
      params[key_at + 3] = last.Int(2);
    }
    return out;
  }

  Result<std::int64_t> ListingVersion(const TenantScope& scope) override {
    store::SqlParams params;
    std::string sql = "SELECT CAST(COALESCE(SUM(version), 0) AS BIGINT) FROM listing_versions";
    for (std::size_t i = 0; i < scope.municipalities.size(); ++i) {
      sql += i ? ", ?" : " WHERE municipality_id IN (?";
      params.push_back(scope.municipalities[i]);
    }
    if (!scope.municipalities.empty()) sql += ")";
    // Each counter only grows and no row is ever deleted, so their sum grows with any of them.
    Result<store::Transaction> tx = store_->BeginRead();
    if (!tx.ok()) return tx.status();
    Result<store::SqlRows> rows = tx->Query(sql, params);
    if (!rows.ok()) return rows.status();
    return rows->empty() ? 0 : (*rows)[0].Int(0);
  }

  Result<std::optional<TimeMs>> FirstOpenDueFrom(TimeMs from) override {
    Result<store::Transaction> tx = store_->BeginRead();
    if (!tx.ok()) return tx.status();
    Result<store::SqlRows> rows =
        tx->Query("SELECT MIN(due_at) FROM deadlines WHERE state = 'open' AND due_at >= ?", {from});
    if (!rows.ok()) return rows.status();
    if (rows->empty() || (*rows)[0].IsNull(0)) return std::optional<TimeMs>();
    return std::optional<TimeMs>((*rows)[0].Int(0));
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
    std::vector<FactsKey> keys;
    keys.reserve(rows->size());
    for (const store::SqlRow& r : *rows)
      keys.push_back({r.Text(0), TeamField(scope, r.Text(1)), r.Int(6)});
    Result<std::vector<std::shared_ptr<const InstanceFacts>>> facts =
        catalog::LoadFacts(*tx, store_->display_name(), keys);
    if (!facts.ok()) return facts.status();
    std::vector<InstanceListing> out;
    for (std::size_t k = 0; k < rows->size(); ++k) {
      const store::SqlRow& r = (*rows)[k];
      const InstanceFacts& f = *(*facts)[k];
      InstanceListing l;
      l.instance_id = r.Text(0);
      l.workflow_id = r.Text(1);
      l.workflow_version = r.Text(2);
      l.municipality_id = r.Text(3);
      l.status = r.Text(4);
      l.updated_at = r.Int(5);
      if (!InScope(scope, l.workflow_id, f)) continue;
      l.case_number = f.case_number;
      l.municipality_name = f.municipality_name;
      l.states = f.states;
      l.team = f.team;
      if (!keep(l)) continue;
      out.push_back(std::move(l));
    }
    KOOP_RETURN_IF_ERROR(NextDeadlines(*tx, out, now));
    if (overdue_only) {
      out.erase(std::remove_if(out.begin(), out.end(),
                               [](const InstanceListing& l) { return !l.overdue; }),
                out.end());
    }
    std::sort(out.begin(), out.end(), [](const InstanceListing& a, const InstanceListing& b) {
      return a.case_number != b.case_number ? a.case_number < b.case_number
                                            : a.instance_id < b.instance_id;
    });
    if (out.size() > limit) out.resize(limit);
    return out;
  }

  // Each listing's earliest open deadline: one query per 64 listings (index
  // deadlines_instance_open), never one per listing.
  static Status NextDeadlines(store::Transaction& tx, std::vector<InstanceListing>& listings,
                              TimeMs now) {
    std::unordered_map<std::string, InstanceListing*> by_id;
    for (InstanceListing& l : listings) by_id[l.instance_id] = &l;
    for (std::size_t from = 0; from < listings.size(); from += kChunk) {
      std::size_t n = std::min(kChunk, listings.size() - from);
      std::string sql =
          "SELECT instance_id, title, due_date, due_at FROM deadlines WHERE state = 'open' AND "
          "instance_id IN (?";
      store::SqlParams params{listings[from].instance_id};
      for (std::size_t j = 1; j < kChunk; ++j) {
        sql += ", ?";  // always kChunk placeholders: one statement text, prepared once
        params.emplace_back(listings[from + std::min(j, n - 1)].instance_id);
      }
      sql += ") ORDER BY instance_id, due_at, deadline_id, occurrence";
      Result<store::SqlRows> rows = tx.Query(sql, params);
      if (!rows.ok()) return rows.status();
      std::string previous;
      for (const store::SqlRow& r : *rows) {
        std::string id = r.Text(0);
        if (id == previous) continue;  // the first row of an instance is its earliest
        previous = id;
        InstanceListing& l = *by_id.at(id);
        l.next_due_title = r.Text(1);
        l.next_due_date = r.Text(2);
        l.overdue = now > 0 && r.Int(3) < now;
      }
    }
    return Status::Ok();
  }

  store::Store* store_;  // the Database's
};

}  // namespace

std::unique_ptr<Directory> catalog::NewDirectory(store::Store& store) {
  return std::make_unique<DirectoryImpl>(store);
}

}  // namespace koop
