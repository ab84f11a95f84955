#include "server/declared_dates.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "server/pages/polish.h"

namespace koop::server {
namespace {

// The value at a dotted path of the object (empty when absent or not reachable).
Poco::Dynamic::Var At(Poco::JSON::Object::Ptr root, const std::string& path) {
  std::size_t dot = path.find('.');
  if (!root) return {};
  if (dot == std::string::npos) return root->has(path) ? root->get(path) : Poco::Dynamic::Var();
  return At(root->getObject(path.substr(0, dot)), path.substr(dot + 1));
}

std::string Pointer(const std::string& prefix, std::string path) {
  for (char& c : path) c = c == '.' ? '/' : c;
  return prefix + "/" + path;
}

}  // namespace

std::string NotWorkingReason(const Calendar& calendar, const Date& date) {
  if (calendar.IsWorkingDay(date)) return "";
  std::string holiday = calendar.HolidayName(date);
  if (!holiday.empty()) return "dzień wolny od pracy (" + holiday + ")";
  if (date.Weekday() == 6) return "sobota";
  if (date.Weekday() == 7) return "niedziela";
  if (calendar.IsClosureDay(date)) return "dzień, w którym ośrodek jest nieczynny";
  return "dzień, w którym ośrodek nie pracuje";
}

std::vector<DateProblem> WorkingDayProblems(const std::vector<EventDataInfo>& declared,
                                            const std::string& data_json, const Calendar& calendar,
                                            const std::string& pointer_prefix) {
  std::vector<DateProblem> out;
  Poco::JSON::Object::Ptr root;
  try {
    root = Poco::JSON::Parser().parse(data_json).extract<Poco::JSON::Object::Ptr>();
  } catch (const Poco::Exception&) {
    return out;  // not an object: the callers have refused it already
  } catch (const std::exception&) {
    return out;
  }
  for (const EventDataInfo& d : declared) {
    if (d.type != "date" || !d.working_day) continue;
    Poco::Dynamic::Var value = At(root, d.name);
    if (value.isEmpty()) continue;
    std::string title = "„" + (d.title.empty() ? d.name : d.title) + "”";
    std::string pointer = Pointer(pointer_prefix, d.name);
    Result<Date> date = value.isString() ? Date::Parse(value.extract<std::string>())
                                         : Result<Date>(Status::DataError("not a string"));
    if (!date.ok()) {
      out.push_back({pointer, pointer + ": expected a date YYYY-MM-DD",
                     title + ": podaj datę w formacie RRRR-MM-DD."});
      continue;
    }
    std::string why = NotWorkingReason(calendar, *date);
    if (why.empty()) continue;
    out.push_back(
        {pointer, pointer + ": " + date->ToString() + " is not a working day of the office",
         title + ": " + pages::DateLabel(*date) + " to " + why + " – wybierz dzień roboczy."});
  }
  return out;
}

}  // namespace koop::server
