// The koop extension elements (namespace urn:kooperacja:workflow:1).
#include <libxml/tree.h>

#include <map>
#include <set>
#include <sstream>

#include "model/chart_builder.h"
#include "model/due_parser.h"

namespace koop::model {
namespace {

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s + sep) {
    if (c == sep || c == ' ') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  return out;
}

// remind="P2D,P1D": the periods, and in *error why the first bad one is not a period ("" = none).
std::vector<IsoDuration> ParsePeriodList(const std::string& s, std::string* error) {
  std::vector<IsoDuration> out;
  error->clear();
  for (const auto& part : Split(s, ',')) {
    std::string why = DayPeriodMisfit(part);
    if (!why.empty()) {
      if (error->empty()) *error = why;
      continue;
    }
    out.push_back(*ParseIsoDuration(part));
  }
  return out;
}

// escalate="P3D": the period, or an error naming why not.
std::optional<IsoDuration> ParsePeriod(const std::string& s, std::string* error) {
  *error = DayPeriodMisfit(s);
  return error->empty() ? ParseIsoDuration(s) : std::nullopt;
}

}  // namespace

void ChartBuilder::ParseKoopTop(const xmlNode* node) {
  std::string name = LocalName(node);
  if (name == "param") {
    CheckAttrs(node, {"name", "type", "default", "title"});
    KoopParam p;
    p.pos = src_.PosOf(node);
    p.name = Attr(node, "name");
    p.title = Attr(node, "title");
    if (p.name.empty()) Error(node, "<k:param> needs a name");
    auto type = ParseValueType(Attr(node, "type").empty() ? "string" : Attr(node, "type"));
    if (!type)
      Error(node, "unknown type '" + Attr(node, "type") + "'", "type");
    else
      p.type = *type;
    if (HasAttr(node, "default")) {
      p.default_value = Attr(node, "default");
      if (type && !ValueFits(*type, *p.default_value)) {
        Error(node, "default '" + *p.default_value + "' is not a valid " + ValueTypeName(*type),
              "default");
      }
    }
    for (const auto& q : chart_->params) {
      if (q.name == p.name) Error(node, "duplicate parameter '" + p.name + "'", "name");
    }
    if (options_.hooks.check_param && !p.name.empty()) {
      if (auto err = options_.hooks.check_param(p.name)) Error(node, *err, "name");
    }
    chart_->params.push_back(std::move(p));
  } else if (name == "field") {
    CheckAttrs(node, {"name", "type", "required", "personal", "title", "team"});
    KoopField f;
    f.pos = src_.PosOf(node);
    f.name = Attr(node, "name");
    f.title = Attr(node, "title");
    if (f.name.empty()) Error(node, "<k:field> needs a name");
    auto type = ParseValueType(Attr(node, "type").empty() ? "string" : Attr(node, "type"));
    if (!type)
      Error(node, "unknown type '" + Attr(node, "type") + "'", "type");
    else
      f.type = *type;
    for (const char* flag : {"required", "personal", "team"}) {
      std::string v = Attr(node, flag);
      if (!v.empty() && v != "true" && v != "false") {
        Error(node, std::string(flag) + " must be 'true' or 'false'", flag);
      }
    }
    f.required = Attr(node, "required") == "true";
    f.personal = Attr(node, "personal") == "true";
    // team="true" is read by the server (koop/workflow_info.h); checked here.
    if (Attr(node, "team") == "true" && f.type != ValueType::kList) {
      Error(node, "a team field must be a list", "team");
    }
    for (const auto& g : chart_->fields) {
      if (g.name == f.name) Error(node, "duplicate field '" + f.name + "'", "name");
    }
    chart_->fields.push_back(std::move(f));
  } else if (name == "event") {
    CheckAttrs(node, {"name", "title", "by"});
    KoopEventTitle e{Attr(node, "name"), Attr(node, "title"), src_.PosOf(node)};
    if (e.name.empty()) Error(node, "<k:event> needs a name");
    ParseKoopEventData(node);
    std::string by = Attr(node, "by");
    for (std::size_t i = 0; i < by.size();) {
      std::size_t j = by.find(' ', i);
      if (j == std::string::npos) j = by.size();
      std::string role = by.substr(i, j - i);
      i = j + 1;
      if (role.empty()) continue;
      // Read by the server (koop/workflow_info.h); checked here so a typo fails validation.
      if (role != "admin" && role != "coordinator" && role != "member") {
        Error(node, "by: unknown role '" + role + "' (admin, coordinator or member fire events)",
              "by");
      }
    }
    chart_->event_titles.push_back(std::move(e));
  } else if (name == "start") {
    // What starting an instance takes, for the form people start it with (koop/workflow_info.h).
    CheckAttrs(node, {"from", "as"});
    if (start_declared_) Error(node, "only one <k:start> is allowed");
    start_declared_ = true;
    chart_->start_from = Attr(node, "from");
    chart_->start_as = Attr(node, "as");
    chart_->start_pos = src_.PosOf(node);
    if (chart_->start_from.empty() != chart_->start_as.empty())
      Error(node, "<k:start> takes from and as together (the workflow and the data id)");
    ParseKoopEventData(node);
  } else {
    Error(node, "unknown element <k:" + name + "> at the top level");
  }
}

void ChartBuilder::ParseKoopInState(const xmlNode* node, State& state) {
  std::string name = LocalName(node);
  if (name == "recurring") {
    CheckAttrs(node,
               {"id", "every", "satisfied-by", "title", "to", "remind", "escalate", "escalate-to"});
    KoopRecurring r;
    r.pos = src_.PosOf(node);
    r.id = Attr(node, "id");
    r.title = Attr(node, "title");
    r.to = Attr(node, "to");
    r.escalate_to = Attr(node, "escalate-to");
    if (r.id.empty()) Error(node, "<k:recurring> needs an id");
    Result<EverySpec> every = ParseEvery(Attr(node, "every"));
    if (!every.ok())
      Error(node, every.status().message(), "every");
    else
      r.every = *every;
    if (HasAttr(node, "escalate")) {
      std::string why;
      r.escalate = ParsePeriod(Attr(node, "escalate"), &why);
      if (!r.escalate) {
        Error(node, "escalate must be an ISO 8601 duration of whole days: " + why, "escalate");
      }
    }
    if (!r.escalate && HasAttr(node, "escalate-to")) {
      Error(node, "escalate-to needs escalate (how long after the due date)", "escalate-to");
    }
    r.satisfied_by = Split(Attr(node, "satisfied-by"), ' ');
    std::string why;
    r.remind = ParsePeriodList(Attr(node, "remind"), &why);
    if (!why.empty()) {
      Error(node, "remind must list ISO 8601 durations of whole days, e.g. P7D,P1D: " + why,
            "remind");
    }
    state.recurring.push_back(std::move(r));
  } else if (name == "successor") {
    CheckAttrs(node, {"workflow"});
    if (state.kind != StateKind::kFinal || state.parent != 0) {
      Error(node, "<k:successor> belongs in a top-level <final>");
    } else if (!state.successor.empty()) {
      Error(node, "only one <k:successor> per <final>");
    } else if (Attr(node, "workflow").empty()) {
      Error(node, "<k:successor> needs a workflow", "workflow");
    } else if (Attr(node, "workflow")
                   .find_first_not_of(
                       "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_") !=
               std::string::npos) {
      // An id looked up in the workflows folder, never a path.
      Error(node, "<k:successor workflow> is a workflow id (letters, digits, '-', '_')",
            "workflow");
    }
    state.successor = Attr(node, "workflow");
  } else if (name == "pack") {
    CheckAttrs(node, {"id", "title"});
    KoopPack p;
    p.pos = src_.PosOf(node);
    p.id = Attr(node, "id");
    p.title = Attr(node, "title");
    if (p.id.empty()) Error(node, "<k:pack> needs an id");
    for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
      if (!IsElement(c)) continue;
      if (LocalName(c) != "document" || NamespaceOf(c) != kKoopNamespace) {
        Error(c, "unexpected <" + LocalName(c) + "> in <k:pack>");
        continue;
      }
      CheckAttrs(c, {"template", "foreach", "as", "name"});
      KoopDocument d{Attr(c, "template"), Attr(c, "foreach"), Attr(c, "as"), Attr(c, "name"),
                     src_.PosOf(c)};
      if (d.template_file.empty())
        Error(c, "<k:document> needs a template");
      else if (options_.hooks.check_template) {
        if (auto err = options_.hooks.check_template(d.template_file)) Error(c, *err, "template");
      }
      if (!d.foreach.empty() && d.as.empty()) Error(c, "foreach needs as=\"name\"", "foreach");
      p.documents.push_back(std::move(d));
    }
    if (p.documents.empty()) Error(node, "<k:pack> has no <k:document>");
    state.packs.push_back(std::move(p));
  } else {
    Error(node, "unknown element <k:" + name + "> in a state");
  }
}

bool ChartBuilder::ParseKoopAction(const xmlNode* node, Block& out) {
  std::string name = LocalName(node);
  Action a;
  a.pos = src_.PosOf(node);
  if (name == "deadline") {
    CheckAttrs(node, {"id", "title", "due", "remind", "to", "escalate", "escalate-to"});
    auto d = std::make_shared<KoopDeadline>();
    d->pos = a.pos;
    d->id = Attr(node, "id");
    d->title = Attr(node, "title");
    d->to = Attr(node, "to");
    d->escalate_to = Attr(node, "escalate-to");
    if (d->id.empty()) Error(node, "<k:deadline> needs an id");
    if (!HasAttr(node, "due")) {
      Error(node, "<k:deadline> needs a due date");
    } else {
      auto due = ParseDue(Attr(node, "due"));
      if (!due.ok())
        Error(node, due.status().message(), "due");
      else
        d->due = *due;
    }
    std::string why;
    d->remind = ParsePeriodList(Attr(node, "remind"), &why);
    if (!why.empty()) {
      Error(node, "remind must list ISO 8601 durations of whole days, e.g. P2D,P1D: " + why,
            "remind");
    }
    if (HasAttr(node, "escalate")) {
      d->escalate = ParsePeriod(Attr(node, "escalate"), &why);
      if (!d->escalate) {
        Error(node, "escalate must be an ISO 8601 duration of whole days: " + why, "escalate");
      }
    }
    a.kind = ActionKind::kDeadline;
    a.id = d->id;
    a.deadline = d;
  } else if (name == "cancel-deadline" || name == "satisfy") {
    CheckAttrs(node, {"id"});
    a.kind = name == "satisfy" ? ActionKind::kSatisfy : ActionKind::kCancelDeadline;
    a.id = Attr(node, "id");
    if (a.id.empty()) Error(node, "<k:" + name + "> needs an id");
    satisfy_refs_.push_back(a.id);
    if (a.kind == ActionKind::kSatisfy) satisfied_ids_.insert(a.id);
    satisfy_nodes_.push_back(node);
  } else if (name == "refuse") {
    // A rule's refusal: the event is not applied and the person who sent it reads `reason` (a
    // Polish sentence, or a list of them).
    CheckAttrs(node, {"reason"});
    a.kind = ActionKind::kRefuse;
    if (!HasAttr(node, "reason"))
      Error(node, "<k:refuse> needs a reason");
    else
      a.expr = MakeExpr(node, "reason");
  } else {
    Error(node, "unknown element <k:" + name + "> in executable content");
    return false;
  }
  out.push_back(std::move(a));
  return true;
}

void ChartBuilder::CheckKoop() {
  if (!chart_->start_as.empty()) {
    bool declared = false;
    for (const auto& d : chart_->Root().data) declared = declared || d.id == chart_->start_as;
    if (!declared) {
      diags_.push_back({src_.name(), chart_->start_pos,
                        "<k:start as=\"" + chart_->start_as + "\">: no top-level <data id=\"" +
                            chart_->start_as + "\">"});
    }
  }
  std::set<std::string> params;
  for (const auto& p : chart_->params) params.insert(p.name);
  std::set<std::string> ids;
  std::set<std::string> deadline_ids;
  for (const auto* d : chart_->Deadlines()) {
    deadline_ids.insert(d->id);
    auto check_param = [&](const std::string& name) {
      if (!name.empty() && !params.count(name)) {
        diags_.push_back({src_.name(), d->pos,
                          "deadline '" + d->id + "' uses unknown parameter '" + name + "'"});
      }
    };
    if (d->due.anchor == DueSpec::Anchor::kParam) check_param(d->due.anchor_name);
    check_param(d->due.amount_param);
  }
  std::map<std::string, const KoopParam*> declared;
  for (const auto& p : chart_->params) declared[p.name] = &p;
  for (const auto& st : chart_->states) {
    for (const auto& r : st.recurring) {
      if (!ids.insert(r.id).second || deadline_ids.count(r.id)) {
        diags_.push_back({src_.name(), r.pos, "duplicate obligation id '" + r.id + "'"});
      }
      if (r.satisfied_by.empty() && !satisfied_ids_.count(r.id)) {
        diags_.push_back({src_.name(), r.pos,
                          "<k:recurring> '" + r.id +
                              "' needs satisfied-by events or a <k:satisfy id> naming it"});
      }
      if (r.every.param.empty()) continue;
      auto found = declared.find(r.every.param);
      if (found == declared.end()) {
        diags_.push_back(
            {src_.name(), r.pos,
             "recurring '" + r.id + "' uses unknown parameter '" + r.every.param + "' in every"});
        continue;
      }
      ValueType type = found->second->type;
      bool fits = r.every.unit == DueSpec::Unit::kNone
                      ? type == ValueType::kDuration
                      : type == ValueType::kInt || type == ValueType::kDays;
      if (!fits) {
        diags_.push_back({src_.name(), r.pos,
                          "recurring '" + r.id + "': parameter '" + r.every.param +
                              "' is of type " + ValueTypeName(type) + "; every=\"" + r.every.text +
                              "\" needs " +
                              (r.every.unit == DueSpec::Unit::kNone
                                   ? "a duration parameter (or a count with a unit: param('" +
                                         r.every.param + "') months)"
                                   : std::string("an int or days parameter"))});
      } else if (type == ValueType::kDuration && found->second->default_value) {
        std::optional<IsoDuration> d = ParseIsoDuration(*found->second->default_value);
        if (d && (d->hours != 0 || d->minutes != 0 || d->seconds != 0)) {
          diags_.push_back({src_.name(), r.pos,
                            "recurring '" + r.id + "': the default of parameter '" + r.every.param +
                                "' has a time part; a period counts whole days"});
        }
      }
    }
  }
  CheckDoubleSatisfaction();
  ids.insert(deadline_ids.begin(), deadline_ids.end());
  for (std::size_t i = 0; i < satisfy_refs_.size(); ++i) {
    if (!ids.count(satisfy_refs_[i])) {
      Error(satisfy_nodes_[i], "unknown deadline or obligation '" + satisfy_refs_[i] + "'", "id");
    }
  }
}

namespace {

// Whether some event name matches both descriptors (SCXML prefix matching by tokens).
bool DescriptorsOverlap(const std::string& a, const std::string& b) {
  if (a == "*" || b == "*") return true;
  const std::string& shorter = a.size() <= b.size() ? a : b;
  const std::string& longer = a.size() <= b.size() ? b : a;
  return longer.compare(0, shorter.size(), shorter) == 0 &&
         (longer.size() == shorter.size() || longer[shorter.size()] == '.');
}

void CollectSatisfies(const Block& block, std::vector<const Action*>& out) {
  for (const Action& a : block) {
    if (a.kind == ActionKind::kSatisfy) out.push_back(&a);
    for (const IfBranch& b : a.branches) CollectSatisfies(b.body, out);
    CollectSatisfies(a.body, out);
  }
}

}  // namespace

// A <k:satisfy id> in a transition whose event the obligation's own satisfied-by also matches
// would count that event twice (two periods closed by one meeting).
void ChartBuilder::CheckDoubleSatisfaction() {
  std::map<std::string, const KoopRecurring*> by_id;
  for (const auto& st : chart_->states) {
    for (const auto& r : st.recurring) by_id.emplace(r.id, &r);
  }
  for (const Transition& t : chart_->transitions) {
    std::vector<const Action*> satisfies;
    CollectSatisfies(t.actions, satisfies);
    for (const Action* a : satisfies) {
      auto found = by_id.find(a->id);
      if (found == by_id.end()) continue;
      bool reported = false;
      for (const std::string& on : t.events) {
        for (const std::string& by : found->second->satisfied_by) {
          if (reported || !DescriptorsOverlap(on, by)) continue;
          diags_.push_back({src_.name(), a->pos,
                            "<k:satisfy id=\"" + a->id + "\"> on event '" + on +
                                "' counts it twice: the obligation is already satisfied by '" + by +
                                "' (drop one of the two)"});
          reported = true;
        }
      }
    }
  }
}

}  // namespace koop::model
