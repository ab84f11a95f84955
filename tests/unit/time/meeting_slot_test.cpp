#include "time/meeting_slot.h"

#include <boost/test/unit_test.hpp>
#include <string>

namespace koop {
namespace {

Date D(const char* text) { return Date::Parse(text).value(); }

std::string Codes(const std::vector<MeetingWarning>& warnings) {
  std::string out;
  for (const MeetingWarning& w : warnings) out += (out.empty() ? "" : ",") + w.code;
  return out;
}

BOOST_AUTO_TEST_SUITE(MeetingSlotTest)

BOOST_AUTO_TEST_CASE(GoodSlotHasNoWarnings) {
  auto cal = Calendar::Polish();
  BOOST_TEST(
      Codes(CheckMeetingSlot(*cal, D("2025-11-19"), 11 * 60, 90, MeetingKind::kPartnership)) == "");
}

BOOST_AUTO_TEST_CASE(EachHandbookRuleWarns) {
  auto cal = Calendar::Polish();
  BOOST_TEST(Codes(CheckMeetingSlot(*cal, D("2025-11-17"), 11 * 60, 60,
                                    MeetingKind::kPartnership)) == "monday-friday");
  BOOST_TEST(Codes(CheckMeetingSlot(*cal, D("2025-11-21"), 11 * 60, 60, MeetingKind::kOther)) ==
             "monday-friday");
  BOOST_TEST(
      Codes(CheckMeetingSlot(*cal, D("2025-11-19"), 14 * 60, 120, MeetingKind::kPartnership)) ==
      "outside-office-hours,not-around-noon");
  BOOST_TEST(Codes(CheckMeetingSlot(*cal, D("2025-11-19"), 11 * 60, 150,
                                    MeetingKind::kPartnership)) == "too-long");
  BOOST_TEST(Codes(CheckMeetingSlot(*cal, D("2025-11-19"), 12 * 60, 46,
                                    MeetingKind::kLocalAuthority)) == "too-long");
  BOOST_TEST(Codes(CheckMeetingSlot(*cal, D("2025-11-19"), 12 * 60, 45,
                                    MeetingKind::kLocalAuthority)) == "");
  BOOST_TEST(Codes(CheckMeetingSlot(*cal, D("2025-11-11"), 11 * 60, 60, MeetingKind::kOther)) ==
             "day-off");
  auto w = CheckMeetingSlot(*cal, D("2025-11-11"), 11 * 60, 60, MeetingKind::kOther);
  BOOST_TEST(w[0].message ==
             "Termin przypada w dzień wolny od pracy (Narodowe Święto Niepodległości).");
  cal->AddClosureDay(D("2025-11-12"), "dzień wolny za 1 listopada");
  BOOST_TEST(Codes(CheckMeetingSlot(*cal, D("2025-11-12"), 11 * 60, 60, MeetingKind::kOther)) ==
             "closure-day");
  BOOST_TEST(Codes(CheckMeetingSlot(*cal, D("2025-11-15"), 11 * 60, 60, MeetingKind::kOther)) ==
             "day-off");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace koop
