// Executable content: raise, send, cancel, assign, script, log, if, foreach and the koop actions.
// An error raises error.execution and stops the rest of the block (SCXML 4.10).
#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "exec/interpreter_state.h"

namespace koop::exec {
namespace {

constexpr const char* kScxmlProcessor = "http://www.w3.org/TR/scxml/#SCXMLEventProcessor";

// "500ms", "2s", "1.5s", "3m", "1h", "2d" -> milliseconds; -1 when malformed.
long long ParseDelay(const std::string& text) {
  std::string t;
  for (char c : text) {
    if (c != ' ') t += c;
  }
  std::size_t i = 0;
  while (i < t.size() && (std::isdigit(static_cast<unsigned char>(t[i])) || t[i] == '.')) ++i;
  if (i == 0) return -1;
  double v = std::strtod(t.substr(0, i).c_str(), nullptr);
  std::string unit = t.substr(i);
  double ms;
  if (unit == "ms")
    ms = v;
  else if (unit == "s" || unit.empty())
    ms = v * 1000;
  else if (unit == "m")
    ms = v * 60000;
  else if (unit == "h")
    ms = v * 3600000;
  else if (unit == "d")
    ms = v * 86400000;
  else
    return -1;
  // At most about three centuries: a larger delay (9223372036854775s, or an infinity from 400
  // digits) made llround's result unspecified or the due time overflow when added to now.
  if (!(ms >= 0 && ms <= 1e13)) return -1;
  return static_cast<long long>(std::llround(ms));
}

}  // namespace

bool InterpreterState::Execute(const model::Block& block) {
  for (const auto& a : block) {
    if (!ExecuteAction(a)) return false;
  }
  return true;
}

Result<std::string> InterpreterState::EvalData(const std::vector<std::string>& namelist,
                                               const std::vector<model::Expr>& namelist_exprs,
                                               const std::vector<model::Param>& param_list,
                                               const model::Content& content) {
  if (content.present) {
    if (!content.expr.empty()) return dm->EvalJson(content.expr);
    if (!content.document_xml.empty()) return JsonQuote(content.document_xml);
    return dm->ContentJson(content.text);
  }
  if (namelist.empty() && param_list.empty()) return std::string("undefined");
  std::string out = "{";
  bool first = true;
  for (std::size_t i = 0; i < namelist.size(); ++i) {
    auto v = dm->EvalJson(namelist_exprs[i]);
    if (!v.ok()) return v.status();
    out += (first ? "" : ",") + JsonQuote(namelist[i]) + ":" + *v;
    first = false;
  }
  for (const auto& p : param_list) {
    auto v = dm->EvalJson(p.expr);
    if (!v.ok()) return v.status();
    out += (first ? "" : ",") + JsonQuote(p.name) + ":" + *v;
    first = false;
  }
  return out + "}";
}

bool InterpreterState::ExecuteAction(const model::Action& a) {
  using model::ActionKind;
  switch (a.kind) {
    case ActionKind::kRaise: {
      Event e;
      e.name = a.event;
      e.type = Event::Type::kInternal;
      internal_queue.push_back(std::move(e));
      return true;
    }
    case ActionKind::kSend:
      return ExecuteSend(a);
    case ActionKind::kCancel: {
      std::string id = a.id;
      if (!a.sendidexpr.empty()) {
        auto v = dm->EvalString(a.sendidexpr);
        if (!v.ok()) {
          RaiseError("error.execution", v.status().message());
          return false;
        }
        id = *v;
      }
      delayed.erase(std::remove_if(delayed.begin(), delayed.end(),
                                   [&](const DelayedSend& d) { return d.sendid == id; }),
                    delayed.end());
      return true;
    }
    case ActionKind::kAssign: {
      Status st = dm->Assign(a);
      if (!st.ok()) {
        RaiseError("error.execution", st.message());
        return false;
      }
      return true;
    }
    case ActionKind::kScript: {
      Status st = dm->RunScript(a.expr);
      if (!st.ok()) {
        RaiseError("error.execution", st.message());
        return false;
      }
      return true;
    }
    case ActionKind::kLog: {
      Effect e;
      e.kind = Effect::Kind::kLog;
      e.label = a.label;
      if (!a.expr.empty()) {
        auto v = dm->EvalString(a.expr);
        if (!v.ok()) {
          RaiseError("error.execution", v.status().message());
          return false;
        }
        e.text = *v;
      }
      AddEffect(std::move(e));
      return true;
    }
    case ActionKind::kIf: {
      for (const auto& b : a.branches) {
        bool take = true;
        if (!b.cond.empty()) {
          auto v = dm->EvalBool(b.cond);
          if (!v.ok()) {
            RaiseError("error.execution", v.status().message());
            return false;
          }
          take = *v;
        }
        if (take) return Execute(b.body);
      }
      return true;
    }
    case ActionKind::kForeach: {
      auto n = dm->ForeachBegin(a.array);
      if (!n.ok()) {
        RaiseError("error.execution", n.status().message());
        return false;
      }
      bool ok = true;
      for (int i = 0; i < *n && ok; ++i) {
        Status st = dm->ForeachItem(a, i);
        if (!st.ok()) {
          RaiseError("error.execution", st.message());
          ok = false;
          break;
        }
        ok = Execute(a.body);
      }
      dm->ForeachEnd();
      return ok;
    }
    case ActionKind::kDeadline: {
      Effect e;
      e.kind = Effect::Kind::kDeadlineCreated;
      e.id = a.id;
      e.deadline = a.deadline.get();
      AddEffect(std::move(e));
      return true;
    }
    case ActionKind::kRefuse: {
      // A list of reasons reads as one text, sentence after sentence.
      auto v = dm->EvalString(a.expr);
      if (!v.ok()) {
        // The rule decided to refuse; only its wording failed. The event stays refused (it once
        // went through, recorded with an error.execution), and the person reads that much.
        Effect e;
        e.kind = Effect::Kind::kRefused;
        e.text = "Reguła odrzuciła zdarzenie, ale nie udało się ustalić uzasadnienia.";
        AddEffect(std::move(e));
        RaiseError("error.execution", v.status().message());
        return false;
      }
      Effect e;
      e.kind = Effect::Kind::kRefused;
      e.text = *v;
      AddEffect(std::move(e));
      return true;
    }
    case ActionKind::kCancelDeadline:
    case ActionKind::kSatisfy: {
      Effect e;
      e.kind = a.kind == ActionKind::kSatisfy ? Effect::Kind::kSatisfied
                                              : Effect::Kind::kDeadlineCancelled;
      e.id = a.id;
      AddEffect(std::move(e));
      return true;
    }
  }
  return true;
}

bool InterpreterState::ExecuteSend(const model::Action& a) {
  std::string sendid = a.id;
  auto fail = [&](const std::string& msg) {
    RaiseError("error.execution", msg, sendid);
    return false;
  };
  Event e;
  e.name = a.event;
  if (!a.eventexpr.empty()) {
    auto v = dm->EvalString(a.eventexpr);
    if (!v.ok()) return fail(v.status().message());
    e.name = *v;
  }
  std::string target = a.target;
  if (!a.targetexpr.empty()) {
    auto v = dm->EvalString(a.targetexpr);
    if (!v.ok()) return fail(v.status().message());
    target = *v;
  }
  std::string type = a.type;
  if (!a.typeexpr.empty()) {
    auto v = dm->EvalString(a.typeexpr);
    if (!v.ok()) return fail(v.status().message());
    type = *v;
  }
  std::string where =
      chart->file + ":" + std::to_string(a.pos.line) + ":" + std::to_string(a.pos.column);
  if (!type.empty() && type != kScxmlProcessor && type != "scxml" &&
      type != "http://www.w3.org/TR/scxml/") {
    return fail(where + ": unsupported send type '" + type + "'");
  }
  if (sendid.empty()) {
    sendid = session_id + ".send" + std::to_string(++send_counter);
    if (!a.idlocation.empty()) {
      Status st = dm->AssignJson(a.idlocation_expr, JsonQuote(sendid));
      if (!st.ok()) return fail(st.message());
    }
  }
  long long delay = 0;
  std::string delay_text = a.delay;
  if (!a.delayexpr.empty()) {
    auto v = dm->EvalString(a.delayexpr);
    if (!v.ok()) return fail(v.status().message());
    delay_text = *v;
  }
  if (!delay_text.empty()) {
    delay = ParseDelay(delay_text);
    if (delay < 0) return fail(where + ": invalid delay '" + delay_text + "'");
  }
  auto data = EvalData(a.namelist, a.namelist_exprs, a.params, a.content);
  if (!data.ok()) return fail(data.status().message());
  e.data_json = *data;
  e.type = Event::Type::kExternal;
  e.origin = "#_scxml_" + session_id;
  e.origintype = kScxmlProcessor;
  if (!a.id.empty() || !a.idlocation.empty()) e.sendid = sendid;
  if (e.name.empty() && !a.content.present) return fail(where + ": <send> without an event name");
  // Validate the target now so that errors are reported at send time.
  bool valid = target.empty() || target == "#_internal" || target == "#_parent" ||
               target.rfind("#_scxml_", 0) == 0 || target.rfind("#_", 0) == 0;
  if (!valid) return fail(where + ": unsupported send target '" + target + "'");
  if (delay > 0) {
    if (target == "#_internal") e.type = Event::Type::kInternal;
    delayed.push_back({now + delay, ++seq_counter, sendid, target, std::move(e)});
    return true;
  }
  Deliver(target, std::move(e));
  return true;
}

void InterpreterState::Deliver(const std::string& target, Event e) {
  if (target.empty() || target == "#_scxml_" + session_id) {
    external_queue.push_back(std::move(e));
    return;
  }
  if (target == "#_internal") {
    e.type = Event::Type::kInternal;
    internal_queue.push_back(std::move(e));
    return;
  }
  if (target == "#_parent" || (parent != nullptr && target == "#_scxml_" + parent->session_id)) {
    if (parent == nullptr) {
      RaiseError("error.communication", "no parent session to send '" + e.name + "' to", e.sendid);
      return;
    }
    e.invokeid = invoke_id;
    parent->external_queue.push_back(std::move(e));
    return;
  }
  for (auto& [id, child] : children) {
    if (!child.session) continue;
    if (target == "#_" + id || target == "#_scxml_" + child.session->session_id) {
      if (child.session->running) child.session->external_queue.push_back(std::move(e));
      return;
    }
  }
  RaiseError("error.communication", "cannot deliver '" + e.name + "' to '" + target + "'",
             e.sendid);
}

}  // namespace koop::exec
