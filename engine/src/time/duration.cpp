// koop::Duration: a strict ISO 8601 duration parser. Hand-written because neither Poco nor the date
// library parses ISO durations with calendar components (see docs/calendar.md).
#include <limits>

#include "koop/calendar.h"

namespace koop {
namespace {

Status Bad(const std::string& text, size_t pos, const std::string& why) {
  // What forms are expected depends on the caller (whole days, working days, a time of day), so
  // the caller says it; this message names only what is wrong and where.
  return Status::DataError("invalid duration '" + text + "' at character " +
                           std::to_string(pos + 1) + ": " + why);
}

}  // namespace

Result<Duration> Duration::Parse(const std::string& text) {
  if (text.empty()) return Status::DataError("invalid duration '': empty");
  if (text[0] != 'P') return Bad(text, 0, "must start with 'P'");
  // Designators in the order they may appear; each at most once.
  static const char kDate[] = {'Y', 'M', 'W', 'D'};
  static const char kTime[] = {'H', 'M', 'S'};
  Duration d;
  int* date_fields[] = {&d.years, &d.months, &d.weeks, &d.days};
  int* time_fields[] = {&d.hours, &d.minutes, &d.seconds};
  bool in_time = false, any = false, any_time = false;
  int next = 0;  // index of the next allowed designator in the current part
  size_t i = 1;
  while (i < text.size()) {
    if (text[i] == 'T') {
      if (in_time) return Bad(text, i, "second 'T'");
      in_time = true;
      next = 0;
      ++i;
      continue;
    }
    size_t start = i;
    long long value = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
      value = value * 10 + (text[i] - '0');
      if (value > std::numeric_limits<int>::max() / 24) return Bad(text, start, "number too large");
      ++i;
    }
    if (i == start) {
      if (text[i] == '-') return Bad(text, i, "negative durations are not allowed");
      return Bad(text, i, std::string("expected a number, found '") + text[i] + "'");
    }
    if (i == text.size()) return Bad(text, i - 1, "number without a designator");
    if (text[i] == '.' || text[i] == ',') return Bad(text, i, "fractions are not supported");
    char designator = text[i];
    // Koop extension: nWD = n working days.
    if (!in_time && designator == 'W' && i + 1 < text.size() && text[i + 1] == 'D') {
      if (any || i + 2 != text.size()) {
        return Bad(text, i, "working days (WD) cannot be combined with other components");
      }
      d.working_days = static_cast<int>(value);
      if (value == 0) return Bad(text, start, "zero working days");
      return d;
    }
    const char* order = in_time ? kTime : kDate;
    int count = in_time ? 3 : 4;
    int found = -1;
    for (int k = next; k < count; ++k) {
      if (order[k] == designator) {
        found = k;
        break;
      }
    }
    if (found < 0) {
      bool known = false;
      for (int k = 0; k < count; ++k) known = known || order[k] == designator;
      if (known) return Bad(text, i, std::string("'") + designator + "' out of order or repeated");
      return Bad(text, i, std::string("unknown designator '") + designator + "'");
    }
    *(in_time ? time_fields : date_fields)[found] = static_cast<int>(value);
    next = found + 1;
    any = true;
    any_time = any_time || in_time;
    ++i;
  }
  if (!any) return Bad(text, text.size() - 1, "no component");
  if (in_time && !any_time) return Bad(text, text.size() - 1, "'T' without a time component");
  return d;
}

std::string Duration::ToString() const {
  if (working_days) return "P" + std::to_string(working_days) + "WD";
  std::string s = "P";
  auto add = [&](int v, char c) {
    if (v) s += std::to_string(v) + c;
  };
  add(years, 'Y');
  add(months, 'M');
  add(weeks, 'W');
  add(days, 'D');
  if (HasTime()) {
    s += 'T';
    add(hours, 'H');
    add(minutes, 'M');
    add(seconds, 'S');
  }
  if (s == "P") s = "P0D";
  return s;
}

}  // namespace koop
