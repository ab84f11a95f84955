#include "model/koop_plan.h"

#include <Poco/JSON/Parser.h>

#include <cctype>
#include <cstdlib>

#include "model/due_parser.h"
#include "time/period.h"
#include "util/text_shape.h"

namespace koop::model {
namespace {

struct TypeName {
  ValueType type;
  const char* name;
};
constexpr TypeName kTypes[] = {
    {ValueType::kString, "string"},
    {ValueType::kInt, "int"},
    {ValueType::kNumber, "number"},
    {ValueType::kBool, "bool"},
    {ValueType::kDate, "date"},
    {ValueType::kDateTime, "datetime"},
    {ValueType::kDuration, "duration"},
    {ValueType::kDays, "days"},
    {ValueType::kWorkingDays, "working-days"},
    {ValueType::kList, "list"},
    {ValueType::kObject, "object"},
};

// YYYY-MM-DD naming a day that exists (2026-02-29 does not).
bool ValidCivilDate(const std::string& v) { return Date::Parse(v).ok(); }

}  // namespace

std::optional<ValueType> ParseValueType(const std::string& name) {
  for (const auto& t : kTypes) {
    if (name == t.name) return t.type;
  }
  return std::nullopt;
}

const char* ValueTypeName(ValueType type) {
  for (const auto& t : kTypes) {
    if (t.type == type) return t.name;
  }
  return "?";
}

bool ValueFits(ValueType type, const std::string& v) {
  auto all_digits = [](const std::string& s, std::size_t from) {
    if (s.size() <= from) return false;
    for (std::size_t i = from; i < s.size(); ++i) {
      if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    }
    return true;
  };
  switch (type) {
    case ValueType::kInt:
    case ValueType::kDays:
    case ValueType::kWorkingDays:
      return all_digits(v, v.size() > 0 && v[0] == '-' ? 1 : 0);
    case ValueType::kNumber: {
      char* end = nullptr;
      std::strtod(v.c_str(), &end);
      return !v.empty() && end != nullptr && *end == '\0';
    }
    case ValueType::kBool:
      return v == "true" || v == "false";
    case ValueType::kDuration:
      return ParseIsoDuration(v).has_value();
    case ValueType::kDate:
      return ValidCivilDate(v);
    case ValueType::kDateTime:
      return v.size() >= 16 && ValidCivilDate(v.substr(0, 10)) && v[10] == 'T' && v[13] == ':';
    case ValueType::kList:
      return !v.empty() && v[0] == '[';
    case ValueType::kObject:
      return !v.empty() && v[0] == '{';
    case ValueType::kString:
      return true;
  }
  return true;
}

std::string ValueMisfit(ValueType type, const std::string& v) {
  switch (type) {
    case ValueType::kInt:
    case ValueType::kDays:
    case ValueType::kWorkingDays:
      return ValueFits(type, v) ? "" : "a whole number";
    case ValueType::kNumber:  // stricter than strtod: the text goes into JSON as it is
      return util::IsDecimalNumber(v) ? "" : "a number";
    case ValueType::kBool:
      return ValueFits(type, v) ? "" : "true or false";
    case ValueType::kDate:
      return ValueFits(type, v) ? "" : "a date YYYY-MM-DD";
    case ValueType::kDateTime:
      return ValueFits(type, v) ? "" : "a date and time YYYY-MM-DDTHH:MM";
    case ValueType::kDuration:
      return ValueFits(type, v) ? "" : "an ISO 8601 duration such as P3M";
    case ValueType::kList:
    case ValueType::kObject: {
      const bool list = type == ValueType::kList;
      std::size_t first = v.find_first_not_of(" \t\r\n");
      bool ok = first != std::string::npos && v[first] == (list ? '[' : '{');
      try {
        if (ok) Poco::JSON::Parser().parse(v);
      } catch (const std::exception&) {
        ok = false;
      }
      return ok ? "" : list ? "a JSON list" : "a JSON object";
    }
    case ValueType::kString:
      return "";
  }
  return "";
}

std::optional<IsoDuration> ParseIsoDuration(const std::string& text) {
  Result<Duration> parsed = Duration::Parse(text);
  if (!parsed.ok() || parsed->IsWorkingDays()) return std::nullopt;
  IsoDuration d;
  static_cast<Duration&>(d) = *parsed;
  d.text = text;
  return d;
}

std::string DayPeriodMisfit(const std::string& text) {
  Result<Duration> period = ParsePeriod(text);
  return period.ok() ? "" : period.status().message();
}

// due := anchor [("+"|"-") amount unit] | duration
Result<DueSpec> ParseDue(const std::string& text) {
  DueSpec due;
  due.text = text;
  DueLexer lex(text);
  auto fail = [&](const std::string& what) {
    return Status::DataError("invalid due '" + text + "': " + what);
  };
  std::string tok = lex.Next();
  if (tok.empty()) return fail("empty");
  if (auto d = ParseIsoDuration(tok); d && lex.AtEnd()) {
    due.anchor = DueSpec::Anchor::kEntry;
    due.unit = DueSpec::Unit::kDuration;
    due.duration = d;
    return due;
  }
  if (tok == "entry") {
    due.anchor = DueSpec::Anchor::kEntry;
  } else if (tok == "now") {
    due.anchor = DueSpec::Anchor::kNow;
  } else if (tok == "event" || tok == "param") {
    if (lex.Next() != "(") return fail("expected '(' after " + tok);
    std::string name = lex.Next();
    if (name.size() >= 2 && (name.front() == '\'' || name.front() == '"')) {
      name = name.substr(1, name.size() - 2);
    }
    if (name.empty() || name == ")") return fail("expected a name in " + tok + "(...)");
    if (lex.Next() != ")") return fail("expected ')'");
    due.anchor = tok == "event" ? DueSpec::Anchor::kEvent : DueSpec::Anchor::kParam;
    due.anchor_name = name;
  } else if (std::isalpha(static_cast<unsigned char>(tok[0])) || tok[0] == '_') {
    due.anchor = DueSpec::Anchor::kField;
    due.anchor_name = tok;
  } else {
    return fail("expected an anchor (entry, now, event(...), param(...) or a field)");
  }
  if (lex.AtEnd()) return due;
  std::string sign = lex.Next();
  if (sign != "+" && sign != "-") return fail("expected '+' or '-' after the anchor");
  due.sign = sign == "+" ? 1 : -1;
  std::string amount = lex.Next();
  if (auto d = ParseIsoDuration(amount)) {
    due.unit = DueSpec::Unit::kDuration;
    due.duration = d;
    if (!lex.AtEnd()) return fail("unexpected text after the duration");
    return due;
  }
  if (amount == "param") {
    if (lex.Next() != "(") return fail("expected '(' after param");
    std::string name = lex.Next();
    if (name.size() >= 2 && (name.front() == '\'' || name.front() == '"')) {
      name = name.substr(1, name.size() - 2);
    }
    if (lex.Next() != ")") return fail("expected ')'");
    due.amount_param = name;
  } else if (!amount.empty() && std::isdigit(static_cast<unsigned char>(amount[0]))) {
    for (char c : amount) {
      if (!std::isdigit(static_cast<unsigned char>(c))) return fail("bad number '" + amount + "'");
    }
    if (amount.size() > 6) return fail("number too large");
    due.amount = std::stoi(amount);
  } else {
    return fail("expected a number, param('name') or an ISO duration after '" + sign + "'");
  }
  std::string unit = lex.Next();
  if (unit == "working") {
    if (lex.Next() != "days") return fail("expected 'working days'");
    due.unit = DueSpec::Unit::kWorkingDays;
  } else if (unit == "days" || unit == "day") {
    due.unit = DueSpec::Unit::kDays;
  } else if (unit == "weeks" || unit == "week") {
    due.unit = DueSpec::Unit::kWeeks;
  } else if (unit == "months" || unit == "month") {
    due.unit = DueSpec::Unit::kMonths;
  } else {
    return fail("expected a unit: days, working days, weeks or months");
  }
  if (!lex.AtEnd()) return fail("unexpected '" + lex.Next() + "'");
  return due;
}

// every := ISO-duration | "param(" 'NAME' ")" [ "days" | "weeks" | "months" ]
Result<EverySpec> ParseEvery(const std::string& text) {
  EverySpec every;
  every.text = text;
  auto fail = [&](const std::string& what) {
    return Status::DataError("invalid every '" + text + "': " + what);
  };
  DueLexer lex(text);
  std::string tok = lex.Next();
  if (tok.empty()) return fail("empty (an ISO 8601 duration such as P3M, or param('name'))");
  if (tok != "param") {
    std::optional<IsoDuration> d = ParseIsoDuration(tok);
    if (!d || !lex.AtEnd()) {
      return fail(
          "expected an ISO 8601 duration such as P3M, or param('name') [days|weeks|months]");
    }
    if (d->hours != 0 || d->minutes != 0 || d->seconds != 0) {
      return fail("a period counts whole days, weeks, months or years (no time part)");
    }
    every.literal = *d;
    return every;
  }
  if (lex.Next() != "(") return fail("expected '(' after param");
  std::string name = lex.Next();
  if (name.size() >= 2 && (name.front() == '\'' || name.front() == '"')) {
    name = name.substr(1, name.size() - 2);
  }
  if (name.empty() || name == ")") return fail("expected a name in param(...)");
  if (lex.Next() != ")") return fail("expected ')'");
  every.param = name;
  if (lex.AtEnd()) return every;
  std::string unit = lex.Next();
  if (unit == "days" || unit == "day") {
    every.unit = DueSpec::Unit::kDays;
  } else if (unit == "weeks" || unit == "week") {
    every.unit = DueSpec::Unit::kWeeks;
  } else if (unit == "months" || unit == "month") {
    every.unit = DueSpec::Unit::kMonths;
  } else if (unit == "working") {
    return fail("a recurring period counts calendar time, not working days");
  } else {
    return fail("expected a unit after param(...): days, weeks or months");
  }
  if (!lex.AtEnd()) return fail("unexpected '" + lex.Next() + "'");
  return every;
}

}  // namespace koop::model
