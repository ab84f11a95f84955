// WorkflowInfo: what a workflow declares for the people who use it — its fields (which are
// personal), its events (Polish titles, which roles may fire them) and its stages (Polish titles,
// the declared events each one takes). The server uses it to hide personal fields, to decide who
// may fire what and to build forms; it carries no third-party type.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "koop/status.h"

namespace koop {

struct FieldInfo {
  std::string name;  // dotted path into the data model ("rodzina", "posiedzenie.data")
  std::string type;  // "string", "date", "list", ... (docs/workflow-language.md)
  std::string title;
  bool required = false;
  bool personal = false;
  bool team = false;  // the list of institutions working on the instance (items' "id")
};

// A value an event takes, declared for the people who fire it (<k:data> inside <k:event>): the web
// application builds the event's form from these. `name` is a dotted path into the event's data
// ("posiedzenie.data"); `type` one of string, text, int, number, bool, date, time, choice
// (`values` lists the choices), institution (one of the municipality's institutions, by id) or
// institutions (a list of them). The same declarations under <k:start> describe what starting an
// instance takes.
struct EventDataInfo {
  std::string name;
  std::string type = "string";
  std::string title;
  bool required = false;
  bool working_day = false;  // a date that must be a working day of the municipality's office
  std::vector<std::string> values;
};

// A parameter the workflow takes from the municipality (<k:param>).
struct ParamInfo {
  std::string name;
  std::string type;
  std::string title;
  std::string default_value;  // "" when none
};

struct EventInfo {
  std::string name;
  std::string title;
  // Roles that may fire it through the server (<k:event by="coordinator member">); a workflow
  // that names none leaves it to the coordinator.
  std::vector<std::string> by;
  std::vector<EventDataInfo> data;  // declared values of its form, in document order
};

struct StageInfo {
  std::string id;
  std::string title;
  std::vector<std::string> events;  // declared events a transition of the stage (or an
                                    // enclosing state) takes, in declaration order
};

struct WorkflowInfo {
  std::string id;
  std::string version;
  std::string title;
  std::vector<ParamInfo> params;
  std::vector<FieldInfo> fields;
  std::vector<EventInfo> events;
  std::vector<StageInfo> stages;  // atomic states, document order
  // <k:start>: people may start the workflow from the web application, with these values.
  bool startable = false;
  std::vector<EventDataInfo> start_data;
  // <k:deadline id due>: each deadline's rule as written ("posiedzenie.data - param('x') working
  // days"), so people can be told why a date fell where it did.
  std::map<std::string, std::string> deadline_rules;

  const EventInfo* FindEvent(const std::string& name) const;
  const FieldInfo* TeamField() const;  // null when the workflow declares none
  const StageInfo* FindStage(const std::string& id) const;
  // The top-level names of the personal fields ("rodzina" for "rodzina" or "rodzina.adres").
  std::vector<std::string> PersonalRoots() const;
};

// Loads the definition at `path` (errors as Statechart::Load gives them).
Result<std::shared_ptr<const WorkflowInfo>> DescribeWorkflow(const std::string& path);

}  // namespace koop
