// Shared set-up of the scheduler tests: a deadline database, a scheduler writing to an in-memory
// log channel, and a sink that records the events it raises.
#pragma once

#include <boost/test/unit_test.hpp>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "deadline_fixture.h"
#include "notify/scheduler.h"

namespace koop::testing {

// Records the events the scheduler raises (a real sink, kept in memory).
class RecordingSink final : public notify::EventSink {
 public:
  Status Raise(const std::string& instance, const std::string& event, TimeMs at,
               const std::string&) override {
    raised.push_back(instance + " " + event + " " + FormatInstantUtc(at));
    return Status::Ok();
  }
  std::vector<std::string> raised;
};

inline TimeMs Local(const char* text) { return ParseInstant(text).value(); }

struct SchedulerHarness {
  DeadlineDb db;
  std::ostringstream log;
  RecordingSink sink;
  std::unique_ptr<notify::ReminderScheduler> scheduler;
  SchedulerHarness() {
    notify::SchedulerOptions o;
    o.worker_id = "test";
    scheduler = std::make_unique<notify::ReminderScheduler>(
        db.store(), notify::ReminderTemplates::Defaults(), nullptr, notify::NewLogChannel(log),
        &sink, o);
  }
  notify::TickReport Tick(const char* local) {
    Result<notify::TickReport> r = scheduler->Tick(Local(local));
    BOOST_REQUIRE_MESSAGE(r.ok(), r.status().message());
    return *r;
  }
  std::string TakeLog() {
    std::string s = log.str();
    log.str("");
    return s;
  }
};

}  // namespace koop::testing
