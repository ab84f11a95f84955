// koop::Calendar: statutory days off from rule data, closure days and office hours.
#include <mutex>
#include <unordered_map>

#include "koop/file_env.h"
#include "time/holiday_rules.h"

namespace koop {

struct Calendar::Cache {
  std::mutex mu;
  // year -> days (since epoch) of named days off; entries are never erased, so references to the
  // sets stay valid.
  std::unordered_map<int, std::set<int>> days_off;
  std::unordered_map<int, std::vector<Holiday>> holidays;
};

const std::string& EmbeddedPolishHolidayRules() {
  static const std::string text =
#include "time/holidays_pl.inc"
      ;
  return text;
}

Calendar::Calendar(std::shared_ptr<const Rules> rules)
    : rules_(std::move(rules)), cache_(std::make_unique<Cache>()) {
  for (int weekday = 1; weekday <= 5; ++weekday)
    hours_[weekday - 1] = OfficeHours{7 * 60 + 30, 15 * 60 + 30};
}

Calendar::~Calendar() = default;

std::shared_ptr<Calendar> Calendar::Polish() {
  static const std::shared_ptr<const Rules> rules = [] {
    Result<Rules> parsed = ParseHolidayRules(EmbeddedPolishHolidayRules(), "holidays_pl.inc");
    // The embedded data is part of the build and covered by unit tests.
    return std::make_shared<const Rules>(std::move(parsed.value()));
  }();
  return std::shared_ptr<Calendar>(new Calendar(rules));
}

Result<std::shared_ptr<Calendar>> Calendar::FromRuleText(const std::string& text,
                                                         const std::string& source_name) {
  Result<Rules> parsed = ParseHolidayRules(text, source_name);
  if (!parsed.ok()) return parsed.status();
  return std::shared_ptr<Calendar>(
      new Calendar(std::make_shared<const Rules>(std::move(parsed.value()))));
}

Result<std::shared_ptr<Calendar>> Calendar::FromRuleFile(const std::string& path) {
  constexpr uint64_t kMaxRuleBytes = 1 << 20;
  Result<std::string> text = DefaultFileEnv().ReadFile(path, kMaxRuleBytes);
  if (!text.ok()) return text.status();
  return FromRuleText(*text, path);
}

int Calendar::first_year() const { return rules_->first_year; }
int Calendar::last_year() const { return rules_->last_year; }

const std::set<int>& Calendar::DaysOffOfYear(int year) const {
  std::lock_guard<std::mutex> lock(cache_->mu);
  auto it = cache_->days_off.find(year);
  if (it != cache_->days_off.end()) return it->second;
  std::vector<Holiday> list = EvaluateHolidayRules(*rules_, year);
  std::set<int> days;
  for (const Holiday& h : list) days.insert(h.date.ToDays());
  cache_->holidays.emplace(year, std::move(list));
  return cache_->days_off.emplace(year, std::move(days)).first->second;
}

Result<std::vector<Holiday>> Calendar::Holidays(int year) const {
  if (year < rules_->first_year || year > rules_->last_year) {
    return Status::DataError("no holiday data for year " + std::to_string(year) +
                             " (the calendar covers " + std::to_string(rules_->first_year) + "-" +
                             std::to_string(rules_->last_year) + ")");
  }
  DaysOffOfYear(year);
  std::lock_guard<std::mutex> lock(cache_->mu);
  return cache_->holidays.at(year);
}

std::string Calendar::HolidayName(const Date& date) const {
  if (!DaysOffOfYear(date.year).count(date.ToDays())) return "";
  std::lock_guard<std::mutex> lock(cache_->mu);
  for (const Holiday& h : cache_->holidays.at(date.year)) {
    if (h.date == date) return h.name;
  }
  return "";
}

bool Calendar::IsStatutoryDayOff(const Date& date) const {
  return date.Weekday() == 7 || DaysOffOfYear(date.year).count(date.ToDays()) > 0;
}

bool Calendar::IsKpaNonWorking(const Date& date) const {
  return date.Weekday() == 6 || IsStatutoryDayOff(date);
}

bool Calendar::IsWorkingDay(const Date& date) const {
  return !IsKpaNonWorking(date) && !IsClosureDay(date) && hours_[date.Weekday() - 1].IsOpen();
}

void Calendar::AddClosureDay(const Date& date, const std::string& reason) {
  closure_days_[date] = reason;
}

bool Calendar::IsClosureDay(const Date& date) const { return closure_days_.count(date) > 0; }

void Calendar::SetOfficeHours(int weekday, OfficeHours hours) {
  if (weekday >= 1 && weekday <= 7) hours_[weekday - 1] = hours;
}

OfficeHours Calendar::GetOfficeHours(int weekday) const {
  return weekday >= 1 && weekday <= 7 ? hours_[weekday - 1] : OfficeHours{};
}

}  // namespace koop
