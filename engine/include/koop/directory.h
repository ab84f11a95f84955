// Directory: finding instances and their open deadlines across a tenant — `koop list`, the
// server's instance list and task list. Reads only; reached from a koop::Database
// (`directory()`) and sharing its connection (use from one thread at a time, like the Database).
//
// The case number of an instance is the `numer` member of its `sprawa` field when it has one
// (the case workflow's "numer identyfikacyjny", e.g. MOPS/2027/003), else its id. A workflow's
// team is its field declared team="true" (koop/workflow_info.h): a list whose items' "id" name
// institutions.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "koop/clock.h"
#include "koop/status.h"

namespace koop {

// Who is asking, as far as it narrows what exists for them (the server's access policy fills it;
// the CLI leaves it open).
struct TenantScope {
  std::vector<std::string> municipalities;  // empty: every municipality
  std::string teryt_prefix;                 // rops: the region's TERYT digits ("" = not used)
  std::string institution;                  // members: only instances whose team includes it
  // workflow id -> its team field ("" = the workflow has none: every member of the tenant sees
  // its instances). With `institution` set, instances of workflows not listed are hidden.
  std::map<std::string, std::string> team_fields;
};

struct InstanceQuery {
  TenantScope scope;
  std::string case_number;    // an instance id or a case number ("" = any)
  std::string workflow;       // a workflow id ("" = any)
  std::string stage;          // an active state id ("" = any)
  bool overdue_only = false;  // only instances with an open deadline due before `now`
  TimeMs now = 0;
  std::size_t limit = 1000;
};

struct InstanceListing {
  std::string instance_id;
  std::string case_number;
  std::string workflow_id;
  std::string workflow_version;
  std::string municipality_id;
  std::string municipality_name;
  std::string status;
  std::vector<std::string> states;  // the active configuration (compound and atomic state ids)
  std::vector<std::string> team;    // institution ids of the team field ("" field: empty)
  std::string next_due_date;        // the earliest open deadline ("" = none)
  std::string next_due_title;
  bool overdue = false;
  TimeMs updated_at = 0;
};

// A place in the deadline listing's order (due time, instance, deadline, occurrence): the key of
// the last deadline of a page. It names no row, so it stays valid when that deadline is closed.
struct DeadlineCursor {
  TimeMs due_at = 0;
  std::string instance_id;
  std::string deadline_id;
  std::int64_t occurrence = 0;
};

struct DeadlineQuery {
  TenantScope scope;
  TimeMs until = 0;  // open deadlines due before this (overdue ones included)
  TimeMs now = 0;
  std::size_t limit = 200;
  std::optional<DeadlineCursor> after;  // only the deadlines after this place (keyset paging)
};

struct DeadlineListing {
  std::string instance_id;
  std::string case_number;
  std::string workflow_id;
  std::string municipality_id;
  std::string deadline_id;
  std::int64_t occurrence = 1;
  std::string title;
  std::string due_date;
  TimeMs due_at = 0;
  std::string owner_state;
  bool overdue = false;
};

// An RFC 5545 feed of the deadlines (case number, task, stage and date only: no personal data).
std::string DeadlinesToIcs(const std::vector<DeadlineListing>& deadlines, TimeMs stamp);

class Directory {
 public:
  virtual ~Directory() = default;
  // Ordered by case number, then id.
  virtual Result<std::vector<InstanceListing>> FindInstances(const InstanceQuery& query) = 0;
  // One instance if it is within the scope (nullopt-like: empty vector when not).
  virtual Result<std::vector<InstanceListing>> FindInstance(const std::string& instance_id,
                                                            const TenantScope& scope) = 0;
  // Open deadlines, earliest first (by due time, then instance, deadline and occurrence).
  virtual Result<std::vector<DeadlineListing>> OpenDeadlines(const DeadlineQuery& query) = 0;
  // A number that grows with every committed change of an instance or a deadline of the
  // scope's municipalities (of all when the scope names none), whoever made it: the database
  // bumps it in the writing transaction. What a cached listing is valid at; read it before the
  // listing, so the listing is at least as new.
  virtual Result<std::int64_t> ListingVersion(const TenantScope& scope) = 0;
  // The earliest due time of an open deadline at or after `from`, of any tenant (nullopt: none).
  virtual Result<std::optional<TimeMs>> FirstOpenDueFrom(TimeMs from) = 0;
};

}  // namespace koop
