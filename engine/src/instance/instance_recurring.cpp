#include "instance/instance_recurring.h"

#include <Poco/JSON/Array.h>

#include <sstream>

#include "store/deadline_table.h"
#include "time/recurrence.h"
#include "time/warsaw_time.h"

namespace koop::exec {
namespace {

std::string RolesJson(const std::string& role) {
  Poco::JSON::Array a;
  if (!role.empty()) a.add(role);
  std::ostringstream out;
  a.stringify(out);
  return out.str();
}

std::string RemindJson(const std::vector<model::IsoDuration>& remind) {
  Poco::JSON::Array a;
  for (const auto& d : remind) a.add(d.text);
  std::ostringstream out;
  a.stringify(out);
  return out.str();
}

Date EffectDay(const Effect& e, const EffectContext& ctx) {
  return WarsawDate(e.at != 0 ? e.at : ctx.at);
}

std::string ExplainPeriod(const Recurrence& series, const Date& due) {
  Poco::JSON::Array a;
  a.add("Obowiązek cykliczny: co najmniej co " + PolishDurationWords(series.every()) +
        "; początek serii: " + PolishDayName(series.anchor()));
  a.add("Okres " + std::to_string(series.count() + 1) +
        " serii; terminu okresu nie przesuwa się poza dni wolne (seria zachowuje swój dzień).");
  a.add("Termin: " + PolishDayName(due));
  std::ostringstream out;
  a.stringify(out);
  return out.str();
}

// Inserts the open row of the series' next period, copying title, stage, reminders and roles
// from `shape`.
Status InsertPeriod(store::Transaction& tx, const EffectContext& ctx, store::DeadlineRow shape,
                    const Recurrence& series) {
  Result<std::int64_t> occurrence =
      store::NextDeadlineOccurrence(tx, ctx.instance_id, shape.deadline_id);
  if (!occurrence.ok()) return occurrence.status();
  Date due = series.NextDue();
  shape.occurrence = *occurrence;
  shape.due_date = due.ToString();
  shape.due_at = WarsawEndOfDay(due);
  shape.state = store::kDeadlineOpen;
  shape.recur_every = series.every().ToString();
  shape.recur_anchor = series.anchor().ToString();
  shape.recur_count = series.count();
  shape.created_at = shape.updated_at = ctx.at;
  // A series keeps its anchor: its due dates are not moved off days off (docs/calendar.md).
  shape.explanation = ExplainPeriod(series, due);
  KOOP_RETURN_IF_ERROR(Describe(ctx, shape));
  return store::InsertDeadline(tx, shape);
}

store::DeadlineRow ShapeOf(const EffectContext& ctx, const Effect& e,
                           const model::KoopRecurring& r) {
  store::DeadlineRow row;
  row.instance_id = ctx.instance_id;
  row.deadline_id = r.id;
  row.title = r.title;
  row.owner_state = e.state;
  row.remind = RemindJson(r.remind);
  row.recipients = RolesJson(r.to);
  if (r.escalate) {
    row.escalate = r.escalate->text;
    row.escalate_to = RolesJson(r.escalate_to.empty() ? r.to : r.escalate_to);
  }
  return row;
}

// A new series of `r` anchored on `day`, its period resolved with the instance's parameters.
Result<Recurrence> StartSeries(const model::KoopRecurring& r, const EffectContext& ctx,
                               const Date& day, const std::string& file) {
  Result<Duration> every = ResolveEvery(r, ctx);
  Result<Recurrence> series =
      every.ok() ? Recurrence::Start(*every, day) : Result<Recurrence>(every.status());
  if (!series.ok()) {
    return Status::DataError(file + ":" + std::to_string(r.pos.line) + ":" +
                             std::to_string(r.pos.column) + ": recurring '" + r.id +
                             "': " + series.status().message());
  }
  return series;
}

}  // namespace

Status OpenSeries(store::Transaction& tx, const EffectContext& ctx, const Effect& effect,
                  const model::KoopRecurring& r, const std::string& definition_file) {
  Result<Recurrence> series = StartSeries(r, ctx, EffectDay(effect, ctx), definition_file);
  if (!series.ok()) return series.status();
  return InsertPeriod(tx, ctx, ShapeOf(ctx, effect, r), *series);
}

Status SatisfyOccurrence(store::Transaction& tx, const EffectContext& ctx, const Effect& effect,
                         const std::string& deadline_id, const model::KoopRecurring* r,
                         const std::string& definition_file) {
  Result<std::optional<store::DeadlineRow>> open =
      store::OpenDeadline(tx, ctx.instance_id, deadline_id);
  if (!open.ok()) return open.status();
  KOOP_RETURN_IF_ERROR(
      store::CloseDeadline(tx, ctx.instance_id, deadline_id, store::kDeadlineSatisfied, ctx.at)
          .status());
  const Date day = EffectDay(effect, ctx);
  if (open->has_value() && (*open)->IsRecurring()) {
    const store::DeadlineRow& row = **open;
    Result<Duration> every = Duration::Parse(row.recur_every);
    Result<Date> anchor = Date::Parse(row.recur_anchor);
    if (every.ok() && anchor.ok()) {
      Recurrence series = Recurrence::Restore(*every, *anchor, static_cast<int>(row.recur_count));
      series.Satisfied(day);
      return InsertPeriod(tx, ctx, row, series);
    }
  }
  if (r == nullptr) return Status::Ok();  // a one-off deadline: closing it is all
  // No stored series (a row written before migration 3, or none open): restart from today.
  Result<Recurrence> series = StartSeries(*r, ctx, day, definition_file);
  if (!series.ok()) return series.status();
  store::DeadlineRow shape = open->has_value() ? **open : ShapeOf(ctx, effect, *r);
  return InsertPeriod(tx, ctx, shape, *series);
}

}  // namespace koop::exec
