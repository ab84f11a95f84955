#include "server/api/views.h"

#include <Poco/JSON/Array.h>

#include <sstream>

namespace koop::server {

std::string Stringify(const Poco::JSON::Object& object) {
  std::ostringstream out;
  object.stringify(out);
  return out.str();
}

Poco::JSON::Object::Ptr ListingJson(const InstanceListing& l, const WorkflowCatalog& catalog) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
  o->set("id", l.instance_id);
  o->set("case", l.case_number);
  Poco::JSON::Object::Ptr wf = new Poco::JSON::Object;
  wf->set("id", l.workflow_id);
  wf->set("version", l.workflow_version);
  const WorkflowInfo* info = catalog.Find(l.workflow_id);
  wf->set("title", info ? info->title : "");
  o->set("workflow", wf);
  Poco::JSON::Object::Ptr mun = new Poco::JSON::Object;
  mun->set("id", l.municipality_id);
  mun->set("name", l.municipality_name);
  o->set("municipality", mun);
  o->set("status", l.status);
  Poco::JSON::Array::Ptr stages = new Poco::JSON::Array;
  for (const std::string& s : l.states) {
    const StageInfo* stage = info ? info->FindStage(s) : nullptr;
    if (!stage) continue;  // compound states and unknown ids
    Poco::JSON::Object::Ptr st = new Poco::JSON::Object;
    st->set("id", stage->id);
    st->set("title", stage->title);
    stages->add(st);
  }
  o->set("stages", stages);
  if (l.next_due_date.empty()) {
    o->set("nextDeadline", Poco::Dynamic::Var());
  } else {
    Poco::JSON::Object::Ptr d = new Poco::JSON::Object;
    d->set("title", l.next_due_title);
    d->set("dueDate", l.next_due_date);
    o->set("nextDeadline", d);
  }
  o->set("overdue", l.overdue);
  o->set("updatedAt", FormatInstantUtc(l.updated_at));
  return o;
}

void AppendJsonString(std::string& out, const std::string& text) {
  static const char kHex[] = "0123456789abcdef";
  out += '"';
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20) {
      out += "\\u00";
      out += kHex[u >> 4];
      out += kHex[u & 15];
    } else {
      out += c;
    }
  }
  out += '"';
}

std::string DeadlinesJson(const std::string& key, const std::vector<DeadlineListing>& deadlines,
                          const std::string& next) {
  std::string out;
  out.reserve(64 + deadlines.size() * 320);
  out += '{';
  AppendJsonString(out, key);
  out += ":[";
  for (std::size_t i = 0; i < deadlines.size(); ++i) {
    const DeadlineListing& d = deadlines[i];
    out += i ? ",{" : "{";
    auto member = [&out](const char* name, const std::string& value, bool first = false) {
      if (!first) out += ',';
      out += '"';
      out += name;
      out += "\":";
      AppendJsonString(out, value);
    };
    member("instance", d.instance_id, true);
    member("case", d.case_number);
    member("workflow", d.workflow_id);
    member("municipality", d.municipality_id);
    member("deadline", d.deadline_id);
    out += ",\"occurrence\":" + std::to_string(d.occurrence);
    member("title", d.title);
    member("dueDate", d.due_date);
    member("dueAt", FormatInstantUtc(d.due_at));
    member("stage", d.owner_state);
    out += d.overdue ? ",\"overdue\":true}" : ",\"overdue\":false}";
  }
  out += "],\"next\":";
  if (next.empty()) {
    out += "null}";
  } else {
    AppendJsonString(out, next);
    out += '}';
  }
  return out;
}

std::string OutcomeJson(const StepOutcome& outcome) {
  Poco::JSON::Object o;
  o.set("instance", outcome.instance_id);
  o.set("seq", outcome.seq);
  o.set("handled", outcome.handled);
  o.set("finished", outcome.finished);
  if (!outcome.successor_id.empty()) o.set("successor", outcome.successor_id);
  Poco::JSON::Array::Ptr states = new Poco::JSON::Array;
  for (const std::string& s : outcome.states) states->add(s);
  o.set("states", states);
  Poco::JSON::Array::Ptr errors = new Poco::JSON::Array;
  for (const std::string& e : outcome.errors) errors->add(e);
  o.set("errors", errors);
  return Stringify(o);
}

std::string RefusalReason(const InstanceListing& listing, const WorkflowInfo& workflow,
                          const std::string& event_title) {
  std::string stages;
  for (const std::string& s : listing.states) {
    const StageInfo* stage = workflow.FindStage(s);
    if (!stage) continue;
    if (!stages.empty()) stages += ", ";
    stages += "„" + (stage->title.empty() ? stage->id : stage->title) + "”";
  }
  if (listing.status == "finished") {
    return "Sprawa jest zakończona i nie przyjmuje już zdarzeń („" + event_title + "”).";
  }
  return "Obecny etap " + stages + " nie przyjmuje zdarzenia „" + event_title +
         "” albo warunek procesu nie jest spełniony.";
}

}  // namespace koop::server
