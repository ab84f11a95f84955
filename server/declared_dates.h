// Dates an event (or a start) must give on a working day of the office: the values declared
// <k:data type="date" working-day="true"> (koop/workflow_info.h), checked against the
// municipality's calendar (statutory holidays, weekends, closure days). One check for the JSON API
// (POST /api/v1/instances/{id}/events and /api/v1/instances answer 422 with the Polish reason)
// and for the web pages' forms, so both refuse the same data in the same words and write nothing.
#pragma once

#include <string>
#include <vector>

#include "koop/calendar.h"
#include "koop/workflow_info.h"

namespace koop::server {

struct DateProblem {
  std::string pointer;  // JSON pointer into the request ("/data/posiedzenie/data")
  std::string detail;   // English, for the problem's detail and logs
  std::string reason;  // Polish, for people: "„Data posiedzenia”: 13 lutego 2027 r. to sobota – …"
};

// The problems of `data_json` (an object) against the declared working-day dates. A value that
// is absent or null is not judged here (whether it is required is the workflow's business); one
// that is not a YYYY-MM-DD date is a problem. `pointer_prefix` is where the data sits in the
// request ("/data").
std::vector<DateProblem> WorkingDayProblems(const std::vector<EventDataInfo>& declared,
                                            const std::string& data_json, const Calendar& calendar,
                                            const std::string& pointer_prefix = "/data");

// Why `date` is not a working day of the office, in Polish ("" when it is one).
std::string NotWorkingReason(const Calendar& calendar, const Date& date);

}  // namespace koop::server
