#include "instance/instance_effects.h"

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <sstream>

#include "instance/instance_recurring.h"
#include "json/json_reader.h"
#include "store/deadline_table.h"
#include "time/warsaw_time.h"

namespace koop::exec {
namespace {

using model::DueSpec;

// Looks up a dotted path ("ggk.meetingDate") in a JSON object; empty when absent. An unreadable
// text is an error naming `source` (the rule context: the instance's parameters or data).
Result<Poco::Dynamic::Var> Lookup(const std::string& text, const std::string& path,
                                  const std::string& source) {
  Result<Poco::Dynamic::Var> parsed = json::Parse(text, source);
  if (!parsed.ok()) return parsed.status();
  try {
    Poco::Dynamic::Var v = *parsed;
    std::istringstream parts(path);
    for (std::string key; std::getline(parts, key, '.');) {
      if (v.type() != typeid(Poco::JSON::Object::Ptr)) return Poco::Dynamic::Var();
      auto obj = v.extract<Poco::JSON::Object::Ptr>();
      if (!obj->has(key)) {
        // Parameters are flat with dotted names ("ggk.noticeDays").
        if (obj->has(path)) return obj->get(path);
        return Poco::Dynamic::Var();
      }
      v = obj->get(key);
    }
    return v;
  } catch (const std::exception& e) {
    return Status::DataError(source + ": " + path + ": " + e.what());
  }
}

std::string ParamsOf(const EffectContext& ctx) {
  return "parameters of instance " + ctx.instance_id;
}
std::string DataOf(const EffectContext& ctx) { return "data of instance " + ctx.instance_id; }

std::string JsonArray(const std::vector<std::string>& items) {
  Poco::JSON::Array a;
  for (const auto& s : items) a.add(s);
  std::ostringstream out;
  a.stringify(out);
  return out.str();
}

std::string Where(const std::string& file, const model::SourcePos& pos) {
  return file + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column);
}

Result<Date> DateValue(const Poco::Dynamic::Var& v, const std::string& what) {
  if (v.isEmpty()) return Status::DataError(what + " has no value");
  std::string text = v.convert<std::string>();
  return Date::Parse(text.substr(0, 10)).status().ok()
             ? Date::Parse(text.substr(0, 10))
             : Result<Date>(Status::DataError(what + " is not a date: '" + text + "'"));
}

Result<Duration> Amount(const DueSpec& due, const EffectContext& ctx) {
  if (due.unit == DueSpec::Unit::kDuration && due.duration) {
    Duration d;
    d.years = due.duration->years;
    d.months = due.duration->months;
    d.weeks = due.duration->weeks;
    d.days = due.duration->days;
    return d;
  }
  int n = due.amount.value_or(0);
  if (!due.amount_param.empty()) {
    Result<Poco::Dynamic::Var> found = Lookup(ctx.params_json, due.amount_param, ParamsOf(ctx));
    if (!found.ok()) return found.status();
    Poco::Dynamic::Var v = *found;
    if (v.isEmpty()) return Status::DataError("parameter '" + due.amount_param + "' has no value");
    try {
      n = v.convert<int>();
    } catch (const std::exception&) {
      return Status::DataError("parameter '" + due.amount_param + "' is not a number");
    }
  }
  Duration d;
  switch (due.unit) {
    case DueSpec::Unit::kDays:
      d.days = n;
      break;
    case DueSpec::Unit::kWorkingDays:
      d.working_days = n;
      break;
    case DueSpec::Unit::kWeeks:
      d.weeks = n;
      break;
    case DueSpec::Unit::kMonths:
      d.months = n;
      break;
    default:
      break;
  }
  return d;
}

Result<Date> Anchor(const DueSpec& due, const Effect& effect, const EffectContext& ctx) {
  switch (due.anchor) {
    case DueSpec::Anchor::kEntry:
    case DueSpec::Anchor::kNow:
    case DueSpec::Anchor::kEvent:  // the event that ran the content: its time
      return WarsawDate(effect.at != 0 ? effect.at : ctx.at);
    case DueSpec::Anchor::kParam: {
      Result<Poco::Dynamic::Var> v = Lookup(ctx.params_json, due.anchor_name, ParamsOf(ctx));
      if (!v.ok()) return v.status();
      return DateValue(*v, "parameter '" + due.anchor_name + "'");
    }
    case DueSpec::Anchor::kField: {
      Result<Poco::Dynamic::Var> v = Lookup(ctx.data_json, due.anchor_name, DataOf(ctx));
      if (!v.ok()) return v.status();
      return DateValue(*v, "field '" + due.anchor_name + "'");
    }
  }
  return Status::Internal("unknown anchor");
}

}  // namespace

Result<Duration> ResolveEvery(const model::KoopRecurring& r, const EffectContext& context) {
  const model::EverySpec& every = r.every;
  Duration d;
  if (every.param.empty()) {
    d.years = every.literal.years;
    d.months = every.literal.months;
    d.weeks = every.literal.weeks;
    d.days = every.literal.days;
    d.hours = every.literal.hours;
    d.minutes = every.literal.minutes;
    d.seconds = every.literal.seconds;
    return d;
  }
  Result<Poco::Dynamic::Var> found = Lookup(context.params_json, every.param, ParamsOf(context));
  if (!found.ok()) return found.status();
  Poco::Dynamic::Var v = *found;
  if (v.isEmpty()) return Status::DataError("parameter '" + every.param + "' has no value");
  if (every.unit == DueSpec::Unit::kNone) {
    std::string text = v.convert<std::string>();
    Result<Duration> parsed = Duration::Parse(text);
    if (!parsed.ok()) {
      return Status::DataError("parameter '" + every.param + "' is not a duration: '" + text + "'");
    }
    return parsed;
  }
  DueSpec as_amount;
  as_amount.amount_param = every.param;
  as_amount.unit = every.unit;
  Result<Duration> counted = Amount(as_amount, context);
  if (counted.ok() && (counted->days < 0 || counted->weeks < 0 || counted->months < 0)) {
    return Status::DataError("parameter '" + every.param + "' must be a positive count");
  }
  return counted;
}

Result<DeadlineExplanation> ExplainDue(const model::KoopDeadline& deadline, const Effect& effect,
                                       const EffectContext& context) {
  const DueSpec& due = deadline.due;
  Result<Date> anchor = Anchor(due, effect, context);
  if (!anchor.ok()) return anchor.status();
  if (due.unit == DueSpec::Unit::kNone) {
    // A date the people set (the next evaluation, the confirmation date): taken as it is.
    DeadlineExplanation out;
    out.end = *anchor;
    out.lines.push_back("Termin: " + PolishDayName(*anchor) +
                        " – data ustalona w sprawie, przyjęta bez przeliczania.");
    return out;
  }
  Result<Duration> amount = Amount(due, context);
  if (!amount.ok()) return amount.status();
  return ExplainDeadline(*context.calendar, *anchor, *amount, due.sign < 0);
}

Result<Date> ResolveDue(const model::KoopDeadline& deadline, const Effect& effect,
                        const EffectContext& context) {
  Result<DeadlineExplanation> explained = ExplainDue(deadline, effect, context);
  if (!explained.ok()) return explained.status();
  return explained->end;
}

Result<std::string> CaseLabel(const EffectContext& context) {
  Result<Poco::Dynamic::Var> number = Lookup(context.data_json, "sprawa.numer", DataOf(context));
  if (!number.ok()) return number.status();
  std::string text = number->isString() ? number->convert<std::string>() : "";
  return text.empty() ? context.unnumbered : text;
}

Status Describe(const EffectContext& context, store::DeadlineRow& row) {
  Result<std::string> label = CaseLabel(context);
  if (!label.ok()) return label.status();
  row.case_number = *label;
  // A state without a title (a region of a parallel state) is named by its nearest titled
  // ancestor.
  int index = context.chart ? context.chart->FindState(row.owner_state) : -1;
  while (index > 0 && context.chart->states[index].title.empty())
    index = context.chart->states[index].parent;
  row.stage_title = index > 0 ? context.chart->states[index].title : "";
  return Status::Ok();
}

Status RecordEffects(store::Transaction& tx, const EffectContext& ctx,
                     const std::vector<Effect>& effects, const std::string& definition_file) {
  for (const Effect& e : effects) {
    switch (e.kind) {
      case Effect::Kind::kDeadlineCreated: {
        if (!e.deadline) break;
        const model::KoopDeadline& d = *e.deadline;
        Result<DeadlineExplanation> explained = ExplainDue(d, e, ctx);
        if (!explained.ok()) {
          return Status::DataError(Where(definition_file, d.pos) + ": deadline '" + d.id +
                                   "': " + explained.status().message());
        }
        const Date* due = &explained->end;
        // Setting a deadline again replaces its open occurrence.
        KOOP_RETURN_IF_ERROR(
            store::CloseDeadline(tx, ctx.instance_id, d.id, store::kDeadlineCancelled, ctx.at)
                .status());
        Result<std::int64_t> occurrence = store::NextDeadlineOccurrence(tx, ctx.instance_id, d.id);
        if (!occurrence.ok()) return occurrence.status();
        std::vector<std::string> remind;
        for (const auto& r : d.remind) remind.push_back(r.text);
        std::vector<std::string> to;
        if (!d.to.empty()) to.push_back(d.to);
        store::DeadlineRow row;
        row.instance_id = ctx.instance_id;
        row.deadline_id = d.id;
        row.occurrence = *occurrence;
        row.title = d.title;
        row.due_date = due->ToString();
        row.due_at = WarsawEndOfDay(*due);
        row.owner_state = e.state;
        row.remind = JsonArray(remind);
        row.recipients = JsonArray(to);
        row.created_at = row.updated_at = ctx.at;
        if (d.escalate) {
          row.escalate = d.escalate->text;
          row.escalate_to = JsonArray(d.escalate_to.empty() ? to : std::vector{d.escalate_to});
        }
        row.explanation = JsonArray(explained->lines);
        KOOP_RETURN_IF_ERROR(Describe(ctx, row));
        KOOP_RETURN_IF_ERROR(store::InsertDeadline(tx, row));
        break;
      }
      case Effect::Kind::kDeadlineCancelled:
        KOOP_RETURN_IF_ERROR(
            store::CloseDeadline(tx, ctx.instance_id, e.id, store::kDeadlineCancelled, ctx.at)
                .status());
        break;
      case Effect::Kind::kSatisfied:
        KOOP_RETURN_IF_ERROR(SatisfyOccurrence(tx, ctx, e, e.id, nullptr, definition_file));
        break;
      case Effect::Kind::kRecurringActivated:
        if (e.recurring)
          KOOP_RETURN_IF_ERROR(OpenSeries(tx, ctx, e, *e.recurring, definition_file));
        break;
      case Effect::Kind::kRecurringSatisfied:
        KOOP_RETURN_IF_ERROR(SatisfyOccurrence(tx, ctx, e, e.id, e.recurring, definition_file));
        break;
      case Effect::Kind::kRecurringDeactivated:
        KOOP_RETURN_IF_ERROR(
            store::CloseDeadline(tx, ctx.instance_id, e.id, store::kDeadlineCancelled, ctx.at)
                .status());
        break;
      case Effect::Kind::kLog:
      case Effect::Kind::kError:
      case Effect::Kind::kRefused:  // InstanceService rolled the event back before this
        break;
    }
  }
  return Status::Ok();
}

}  // namespace koop::exec
