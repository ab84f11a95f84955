// koop validate of municipality files: the file's own problems and its fit with the workflows it
// picks, every problem at once, sorted by place, messages exact.
#include <boost/test/unit_test.hpp>

#include "koop/municipality.h"

namespace koop {
namespace {

const std::string kDir = std::string(KOOP_SOURCE_DIR) + "/tests/unit/instance/data/validate/";
const std::string kWorkflows = kDir + "workflows";

BOOST_AUTO_TEST_SUITE(MunicipalityValidation)

BOOST_AUTO_TEST_CASE(TellsMunicipalityFilesByTheirRootElement) {
  BOOST_TEST(IsMunicipalityFile(kDir + "good.xml"));
  BOOST_TEST(IsMunicipalityFile(kDir + "bad.xml"));
  BOOST_TEST(!IsMunicipalityFile(kWorkflows + "/intake.scxml"));
  BOOST_TEST(!IsMunicipalityFile(kDir + "no-such-file.xml"));
}

BOOST_AUTO_TEST_CASE(AcceptsAConsistentFile) {
  Status st = ValidateMunicipalityFile(kDir + "good.xml", kWorkflows);
  BOOST_TEST(st.ok(), st.message());
}

BOOST_AUTO_TEST_CASE(ReportsEveryProblemOfTheFileAndItsWorkflowsSortedByPlace) {
  const std::string f = kDir + "bad.xml";
  Status st = ValidateMunicipalityFile(f, kWorkflows);
  BOOST_TEST(st.exit_code() == 65);
  BOOST_TEST(st.message() ==
             f + ":2:1: unknown attribute 'color' on <municipality> (id, name, teryt)\n" + f +
                 ":4:5: parameter 'intake.days' must be a whole number (working-days in workflow "
                 "'intake'), not '5 dni'\n" +
                 f +
                 ":5:5: parameter 'intake.start' must be a date YYYY-MM-DD (date in workflow "
                 "'intake'), not '2026-13-01'\n" +
                 f +
                 ":6:5: parameter 'intake.every' must be an ISO 8601 duration such as P3M "
                 "(duration in workflow 'intake'), not '3 months'\n" +
                 f +
                 ":7:5: parameter 'intake.colour' is not declared by the workflows the "
                 "municipality uses (intake)\n" +
                 f +
                 ":12:3: role 'director' (addressed by workflow 'intake') is held by no "
                 "institution or contact\n" +
                 f +
                 ":13:5: unknown attribute 'fax' on <institution> (id, type, name, email, phone, "
                 "roles)\n" +
                 f + ":16:5: duplicate institution id 'ops'\n" + f +
                 ":19:5: close time '25:00' is not a time of day HH:MM (00:00-23:59)\n" + f +
                 ":20:5: office hours on tue end (07:30) before they begin (15:30)\n" + f +
                 ":21:5: weekday 'tue' is listed twice\n" + f +
                 ":24:5: closure date '2026-02-30' is not a valid YYYY-MM-DD date\n" + f +
                 ":25:5: unknown attribute 'note' on <closure> (date, reason)\n" + f +
                 ":27:3: unexpected <holidays> in <municipality> (params, institutions, "
                 "office-hours, closures, workflows)");
}

BOOST_AUTO_TEST_CASE(AMissingWorkflowIsReportedAndTheOthersStillChecked) {
  const std::string f = kDir + "missing_workflow.xml";
  Status st = ValidateMunicipalityFile(f, kWorkflows);
  // 'other.days' might belong to the missing workflow, so it is not called undeclared.
  BOOST_TEST(st.message() ==
             f +
                 ":4:5: parameter 'intake.days' must be a whole number (working-days in workflow "
                 "'intake'), not 'tydzień'\n" +
                 f + ":9:5: workflow 'nowhere' does not exist (no valid workflow in " + kWorkflows +
                 " has name=\"nowhere\")");
}

BOOST_AUTO_TEST_CASE(MalformedXmlIsOneProblemAndAMissingFileIsNoInput) {
  const std::string f = kDir + "broken.xml";
  Status st = ValidateMunicipalityFile(f, kWorkflows);
  BOOST_TEST(st.exit_code() == 65);
  BOOST_TEST(st.message().rfind(f + ":5:1: ", 0) == 0, st.message());  // the end of the data
  BOOST_TEST(st.message().find('\n') == std::string::npos, st.message());
  BOOST_TEST(ValidateMunicipalityFile(kDir + "no-such-file.xml", kWorkflows).exit_code() == 66);
}

BOOST_AUTO_TEST_CASE(TheSampleMunicipalitiesFitTheShippedWorkflows) {
  const std::string samples = std::string(KOOP_SOURCE_DIR) + "/samples/municipalities/";
  const std::string workflows = std::string(KOOP_SOURCE_DIR) + "/workflows";
  for (const char* name : {"sieradz.xml", "zielony-gaj.xml"}) {
    Status st = ValidateMunicipalityFile(samples + name, workflows);
    BOOST_TEST(st.ok(), name << ": " << st.message());
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace koop
