#include "notify/reminder_template.h"

#include <Poco/File.h>
#include <Poco/TemporaryFile.h>

#include <boost/test/unit_test.hpp>
#include <fstream>

#include "notify/ics_feed.h"

namespace koop::notify {
namespace {

Reminder Sample(ReminderKind kind) {
  Reminder r;
  r.kind = kind;
  r.case_number = "OPS-7";
  r.task = "Monitoring planu";
  r.stage = "Realizacja planu i monitoring";
  r.due_date = Date{2026, 3, 31};
  r.days = 1;
  r.role = "coordinator";
  return r;
}

BOOST_AUTO_TEST_SUITE(ReminderTemplateTest)

BOOST_AUTO_TEST_CASE(DefaultsRenderInPolish) {
  auto t = ReminderTemplates::Defaults();
  BOOST_TEST(t.Render(Sample(ReminderKind::kDue)).subject == "Dziś mija termin: Monitoring planu");
  BOOST_TEST(t.Render(Sample(ReminderKind::kOverdue)).body.find("upłynął 31 marca 2026 r.") !=
             std::string::npos);
  Reminder late = Sample(ReminderKind::kEscalation);
  late.days = 5;
  BOOST_TEST(t.Render(late).body.find("(5 dni temu)") != std::string::npos);
  late.days = 1;
  BOOST_TEST(t.Render(late).body.find("(1 dzień temu)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(AdministratorTemplateOverridesOneKind) {
  std::string dir = Poco::TemporaryFile::tempName();
  Poco::File(dir).createDirectories();
  std::ofstream(dir + "/due.txt") << "Temat: Termin {termin} – {zadanie}\n\nSprawa {sprawa}.\n";
  auto t = ReminderTemplates::Load(dir);
  BOOST_REQUIRE(t.ok());
  BOOST_TEST(t->Render(Sample(ReminderKind::kDue)).subject ==
             "Termin 2026-03-31 – Monitoring planu");
  BOOST_TEST(t->Render(Sample(ReminderKind::kDue)).body == "Sprawa OPS-7.\n");
  BOOST_TEST(t->Render(Sample(ReminderKind::kBefore)).subject.rfind("Przypomnienie", 0) == 0);
  Poco::File(dir).remove(true);
}

// RODO: a template cannot reach instance data. An administrator (or an attacker with write access
// to the template folder) who names a personal field gets an error, not the value.
BOOST_AUTO_TEST_CASE(TemplateNamingAPersonalFieldIsRejected) {
  auto bad = ReminderTemplates::Parse("Temat: {zadanie}\n\nDotyczy: {family.members}\n", "due.txt");
  BOOST_TEST(!bad.ok());
  BOOST_TEST(bad.status().message() ==
             "due.txt:3:10: unknown placeholder {family.members}; reminders may only name "
             "{sprawa}, {zadanie}, {etap}, {termin}, {termin_slownie}, {dni}, {dni_slowo}, {rola}");
  BOOST_TEST(!ReminderTemplates::Parse("Subject: x\n\ny", "a.txt").ok());
  BOOST_TEST(!ReminderTemplates::Parse("Temat: {zadanie\n\ny", "a.txt").ok());
}

BOOST_AUTO_TEST_CASE(IcsLinesAreFoldedAt75OctetsWithCrlf) {
  FeedEntry e;
  e.uid = StableUid("inst 1", "ggk.invitations", 2);
  e.case_number = "OPS-7";
  e.task =
      std::string(40, 'x') + "ąćęłńóśźż; zadanie, bardzo długie ĄĆĘŁŃÓŚŹŻ " + std::string(30, 'y');
  e.stage = "Etap";
  e.due_date = Date{2026, 3, 31};
  e.stamp = 0;
  e.alarm_days = 2;
  std::string ics = BuildIcsFeed({e});
  BOOST_TEST(e.uid == "inst_201-ggk.invitations-2@kooperacja");
  size_t start = 0;
  std::string unfolded;
  while (start < ics.size()) {
    size_t end = ics.find("\r\n", start);
    BOOST_REQUIRE(end != std::string::npos);
    std::string line = ics.substr(start, end - start);
    BOOST_TEST(line.size() <= 75u);
    BOOST_TEST(line.find('\n') == std::string::npos);
    // A continuation never starts inside a UTF-8 sequence.
    if (line.size() > 1 && line[0] == ' ') {
      BOOST_TEST((static_cast<unsigned char>(line[1]) & 0xC0) != 0x80);
      unfolded += line.substr(1);
    } else {
      unfolded += (unfolded.empty() ? "" : "\n") + line;
    }
    start = end + 2;
  }
  BOOST_TEST(unfolded.find("SUMMARY:Termin: " + std::string(40, 'x') +
                           "ąćęłńóśźż\\; zadanie\\, bardzo długie") != std::string::npos);
  BOOST_TEST(unfolded.find("DTSTART;VALUE=DATE:20260331") != std::string::npos);
  BOOST_TEST(unfolded.find("DTEND;VALUE=DATE:20260401") != std::string::npos);
  BOOST_TEST(unfolded.find("DTSTAMP:19700101T000000Z") != std::string::npos);
  BOOST_TEST(unfolded.find("TZID:Europe/Warsaw") != std::string::npos);
  BOOST_TEST(unfolded.find("TRIGGER:-P2D") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace koop::notify
