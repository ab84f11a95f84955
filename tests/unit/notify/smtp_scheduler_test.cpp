// End to end: deadline rows → scheduler → SMTP (STARTTLS + AUTH PLAIN) → a real server on
// loopback. The message arrives once, its UTF-8 subject is intact, it carries the stable
// Message-ID, and nothing personal from the instance or the registry is in it.
#include <boost/test/unit_test.hpp>
#include <sstream>

#include "deadline_fixture.h"
#include "notify/scheduler.h"
#include "smtp_fixture.h"

namespace koop::notify {
namespace {

BOOST_AUTO_TEST_SUITE(SmtpSchedulerTest)

BOOST_AUTO_TEST_CASE(DueReminderArrivesOnceWithoutPersonalData) {
  testing::SmtpServer server;
  BOOST_REQUIRE(server.ok());
  testing::DeadlineDb db;
  db.AddInstance("OPS-2025-17");
  db.AddDeadline("OPS-2025-17", "ggk.invitations", "2025-12-29", R"(["P2D"])");
  SmtpSettings smtp;
  smtp.host = "127.0.0.1";
  smtp.port = server.port();
  smtp.user = "koop";
  smtp.password = "sekret";
  smtp.from = "kooperacja@ops.example.pl";
  smtp.cafile = server.cafile();
  std::ostringstream log;
  SchedulerOptions o;
  o.worker_id = "smtp-test";
  ReminderScheduler scheduler(db.store(), ReminderTemplates::Defaults(), NewSmtpChannel(smtp),
                              NewLogChannel(log), nullptr, o);
  // 27 Dec 2025 07:00 Warsaw: two days before.
  Result<TickReport> r = scheduler.Tick(ParseInstant("2025-12-27T07:00").value());
  BOOST_REQUIRE_MESSAGE(r.ok(), r.status().message());
  BOOST_TEST(r->sent == 1);
  BOOST_TEST(scheduler.Tick(ParseInstant("2025-12-27T07:01").value())->sent == 0);
  std::string raw = server.Message(1);
  BOOST_REQUIRE(!raw.empty());
  BOOST_TEST(server.Message(2).empty());
  BOOST_TEST(server.DecodedSubject(1) ==
             "Przypomnienie: Wysłanie zaproszeń na posiedzenie GGK – termin 2025-12-29");
  BOOST_TEST(raw.find("Message-ID: <OPS-2025-17.ggk_invitations.1.reminder.P2D.") !=
             std::string::npos);
  BOOST_TEST(server.Log().find("rcpt=koordynator@sieradz.example.pl") != std::string::npos);
  for (const char* secret :
       {"Kowalski", testing::kPersonalPesel, testing::kPersonalDiagnosis, "600100200"}) {
    BOOST_TEST(raw.find(secret) == std::string::npos, "leaked " << secret);
  }
  BOOST_TEST(log.str().empty());  // everything went by e-mail
}

BOOST_AUTO_TEST_CASE(ServerDownMeansRetryNotLoss) {
  testing::DeadlineDb db;
  db.AddInstance("OPS-9");
  db.AddDeadline("OPS-9", "a", "2025-12-29", R"(["P2D"])");
  SmtpSettings smtp;
  smtp.host = "127.0.0.1";
  smtp.port = 1;  // nothing listens there
  smtp.from = "k@example.pl";
  smtp.timeout_seconds = 2;
  std::ostringstream log;
  SchedulerOptions o;
  ReminderScheduler scheduler(db.store(), ReminderTemplates::Defaults(), NewSmtpChannel(smtp),
                              NewLogChannel(log), nullptr, o);
  TimeMs t = ParseInstant("2025-12-27T07:00").value();
  BOOST_TEST(scheduler.Tick(t)->failed == 1);
  BOOST_TEST(scheduler.Tick(t + 60000)->failed == 0);           // waiting for the retry delay
  BOOST_TEST(scheduler.Tick(t + o.retry_ms + 1)->failed == 1);  // tried again
  auto tx = db.store().BeginRead();
  auto rows = tx->Query("SELECT attempts, last_error FROM outbox WHERE sent_at IS NULL");
  BOOST_REQUIRE(rows->size() == 1u);
  BOOST_TEST((*rows)[0].Int(0) == 2);
  BOOST_TEST((*rows)[0].Text(1).find("smtp 127.0.0.1:1") == 0u);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace koop::notify
