#include "calendar_options.h"

#include <Poco/Util/Option.h>

namespace koop::runner {

void DefineCalendarOptions(Poco::Util::OptionSet& options) {
  options.addOption(Poco::Util::Option("rules", "", "holiday rule file instead of the built-in one")
                        .argument("FILE"));
  options.addOption(
      Poco::Util::Option("closed", "", "an extra closure day of the office (repeatable)")
          .argument("DATE")
          .repeatable(true));
}

Result<std::shared_ptr<Calendar>> CalendarFromOptions(const Invocation& inv) {
  std::shared_ptr<Calendar> calendar;
  std::string rules = inv.Get("rules");
  if (rules.empty() && inv.config) rules = inv.config->getString("calendar.rules", "");
  if (!rules.empty()) {
    Result<std::shared_ptr<Calendar>> loaded = Calendar::FromRuleFile(rules);
    if (!loaded.ok()) return loaded.status();
    calendar = *loaded;
  } else {
    calendar = Calendar::Polish();
  }
  for (const std::string& text : inv.GetAll("closed")) {
    Result<Date> date = Date::Parse(text);
    if (!date.ok()) return Status::Usage("--closed: " + date.status().message());
    calendar->AddClosureDay(*date, "closed");
  }
  return calendar;
}

}  // namespace koop::runner
