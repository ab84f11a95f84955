// The koop extension as the loader exposes it: due expressions, durations, typed parameters.
#include <boost/test/unit_test.hpp>

#include "model/due_parser.h"
#include "model/loader.h"

using koop::model::DueSpec;

BOOST_AUTO_TEST_SUITE(KoopPlan)

BOOST_AUTO_TEST_CASE(ParsesDueExpressions) {
  auto d = koop::model::ParseDue("ggk.meetingDate - param('ggk.noticeDays') working days");
  BOOST_REQUIRE(d.ok());
  BOOST_CHECK(d->anchor == DueSpec::Anchor::kField);
  BOOST_CHECK_EQUAL(d->anchor_name, "ggk.meetingDate");
  BOOST_CHECK_EQUAL(d->sign, -1);
  BOOST_CHECK_EQUAL(d->amount_param, "ggk.noticeDays");
  BOOST_CHECK(d->unit == DueSpec::Unit::kWorkingDays);

  d = koop::model::ParseDue("entry + 7 days");
  BOOST_REQUIRE(d.ok());
  BOOST_CHECK(d->anchor == DueSpec::Anchor::kEntry);
  BOOST_CHECK_EQUAL(*d->amount, 7);
  BOOST_CHECK(d->unit == DueSpec::Unit::kDays);

  d = koop::model::ParseDue("event(application.filed) + P1M");
  BOOST_REQUIRE(d.ok());
  BOOST_CHECK(d->anchor == DueSpec::Anchor::kEvent);
  BOOST_CHECK_EQUAL(d->anchor_name, "application.filed");
  BOOST_CHECK(d->unit == DueSpec::Unit::kDuration);
  BOOST_CHECK_EQUAL(d->duration->months, 1);

  d = koop::model::ParseDue("P14D");
  BOOST_REQUIRE(d.ok());
  BOOST_CHECK(d->anchor == DueSpec::Anchor::kEntry);
  BOOST_CHECK_EQUAL(d->duration->days, 14);

  d = koop::model::ParseDue("param('start') + 2 weeks");
  BOOST_REQUIRE(d.ok());
  BOOST_CHECK(d->anchor == DueSpec::Anchor::kParam);
  BOOST_CHECK_EQUAL(d->anchor_name, "start");
  BOOST_CHECK(d->unit == DueSpec::Unit::kWeeks);
}

BOOST_AUTO_TEST_CASE(RejectsMalformedDueExpressions) {
  BOOST_CHECK_EQUAL(koop::model::ParseDue("entry + 7 fortnights").status().message(),
                    "invalid due 'entry + 7 fortnights': expected a unit: days, working days, "
                    "weeks or months");
  BOOST_CHECK_EQUAL(koop::model::ParseDue("entry * 2").status().message(),
                    "invalid due 'entry * 2': expected '+' or '-' after the anchor");
  BOOST_CHECK_EQUAL(koop::model::ParseDue("").status().message(), "invalid due '': empty");
}

BOOST_AUTO_TEST_CASE(ParsesIsoDurations) {
  auto d = koop::model::ParseIsoDuration("P1Y2M3W4DT5H6M7S");
  BOOST_REQUIRE(d.has_value());
  BOOST_CHECK_EQUAL(d->years, 1);
  BOOST_CHECK_EQUAL(d->months, 2);
  BOOST_CHECK_EQUAL(d->weeks, 3);
  BOOST_CHECK_EQUAL(d->days, 4);
  BOOST_CHECK_EQUAL(d->hours, 5);
  BOOST_CHECK_EQUAL(d->minutes, 6);
  BOOST_CHECK_EQUAL(d->seconds, 7);
  BOOST_CHECK(!koop::model::ParseIsoDuration("P").has_value());
  BOOST_CHECK(!koop::model::ParseIsoDuration("3M").has_value());
  BOOST_CHECK(!koop::model::ParseIsoDuration("P3X").has_value());
}

BOOST_AUTO_TEST_CASE(ExposesParamsFieldsDeadlinesRecurringAndPacks) {
  auto chart = koop::model::LoadChartFromString(R"(<scxml xmlns="http://www.w3.org/2005/07/scxml"
      xmlns:k="urn:kooperacja:workflow:1" version="1.0" datamodel="ecmascript" k:version="3"
      k:title="Tytuł">
    <k:param name="days" type="working-days" default="5"/>
    <k:field name="family.members" type="list" required="true" personal="true"/>
    <state id="a" k:title="Etap A">
      <onentry><k:deadline id="d" due="entry + param('days') working days" remind="P2D,P1D"
                           to="coordinator" escalate="P1D" escalate-to="director"/></onentry>
      <k:recurring id="r" every="P3M" satisfied-by="met held.*"/>
      <k:pack id="p"><k:document template="x.docx" foreach="list" as="item"/></k:pack>
    </state>
  </scxml>)",
                                                "k.scxml", ".");
  BOOST_REQUIRE_MESSAGE(chart.ok(), chart.status().message());
  const auto& c = **chart;
  BOOST_CHECK_EQUAL(c.version, "3");
  BOOST_CHECK_EQUAL(c.title, "Tytuł");
  BOOST_REQUIRE_EQUAL(c.params.size(), 1u);
  BOOST_CHECK(c.params[0].type == koop::model::ValueType::kWorkingDays);
  BOOST_CHECK_EQUAL(*c.params[0].default_value, "5");
  BOOST_REQUIRE_EQUAL(c.fields.size(), 1u);
  BOOST_CHECK(c.fields[0].personal && c.fields[0].required);
  auto deadlines = c.Deadlines();
  BOOST_REQUIRE_EQUAL(deadlines.size(), 1u);
  BOOST_CHECK_EQUAL(deadlines[0]->remind.size(), 2u);
  BOOST_CHECK_EQUAL(deadlines[0]->escalate->days, 1);
  BOOST_CHECK_EQUAL(deadlines[0]->escalate_to, "director");
  const auto& a = c.states[static_cast<std::size_t>(c.FindState("a"))];
  BOOST_CHECK_EQUAL(a.title, "Etap A");
  BOOST_REQUIRE_EQUAL(a.recurring.size(), 1u);
  BOOST_CHECK_EQUAL(a.recurring[0].every.literal.months, 3);
  BOOST_CHECK_EQUAL(a.recurring[0].satisfied_by.size(), 2u);
  BOOST_REQUIRE_EQUAL(a.packs.size(), 1u);
  BOOST_CHECK_EQUAL(a.packs[0].documents[0].as, "item");
}

BOOST_AUTO_TEST_CASE(ValidationHooksReportUnknownTemplates) {
  koop::model::LoadOptions options;
  options.hooks.check_template = [](const std::string& t) -> std::optional<std::string> {
    if (t == "known.docx") return std::nullopt;
    return "unknown template '" + t + "'";
  };
  auto chart = koop::model::LoadChartFromString(R"(<scxml xmlns="http://www.w3.org/2005/07/scxml"
 xmlns:k="urn:kooperacja:workflow:1" version="1.0">
  <state id="a">
    <k:pack id="p"><k:document template="known.docx"/><k:document template="nope.docx"/></k:pack>
  </state>
</scxml>)",
                                                "h.scxml", ".", options);
  BOOST_REQUIRE(!chart.ok());
  BOOST_CHECK_EQUAL(chart.status().message(), "h.scxml:4:67: unknown template 'nope.docx'");
}

BOOST_AUTO_TEST_CASE(ParsesRecurringPeriods) {
  auto e = koop::model::ParseEvery("P3M");
  BOOST_REQUIRE(e.ok());
  BOOST_CHECK(e->param.empty());
  BOOST_CHECK_EQUAL(e->literal.months, 3);

  e = koop::model::ParseEvery("param('case.monitoringEvery')");
  BOOST_REQUIRE(e.ok());
  BOOST_CHECK_EQUAL(e->param, "case.monitoringEvery");
  BOOST_CHECK(e->unit == DueSpec::Unit::kNone);

  e = koop::model::ParseEvery("param('pzk.meetingEveryMonths') months");
  BOOST_REQUIRE(e.ok());
  BOOST_CHECK_EQUAL(e->param, "pzk.meetingEveryMonths");
  BOOST_CHECK(e->unit == DueSpec::Unit::kMonths);
  BOOST_CHECK(koop::model::ParseEvery("param(\"x\") weeks")->unit == DueSpec::Unit::kWeeks);

  BOOST_CHECK_EQUAL(koop::model::ParseEvery("param('x') working days").status().message(),
                    "invalid every 'param('x') working days': a recurring period counts calendar "
                    "time, not working days");
  BOOST_CHECK_EQUAL(koop::model::ParseEvery("PT2H").status().message(),
                    "invalid every 'PT2H': a period counts whole days, weeks, months or years "
                    "(no time part)");
  BOOST_CHECK(!koop::model::ParseEvery("3 months").ok());
  BOOST_CHECK(!koop::model::ParseEvery("param('x') fortnights").ok());
  BOOST_CHECK(!koop::model::ParseEvery("param('x') months later").ok());
  BOOST_CHECK(!koop::model::ParseEvery("").ok());
}

BOOST_AUTO_TEST_CASE(RecurringTakesAParameterAndAnEscalation) {
  auto chart = koop::model::LoadChartFromString(R"X(<scxml xmlns="http://www.w3.org/2005/07/scxml"
 xmlns:k="urn:kooperacja:workflow:1" version="1.0">
  <k:param name="every.months" type="int" default="3"/>
  <k:param name="audit.every" type="duration" default="P2W"/>
  <state id="a">
    <k:recurring id="r" every="param('every.months') months" satisfied-by="met" to="coordinator"
                 escalate="P7D" escalate-to="director"/>
    <k:recurring id="s" every="param('audit.every')" satisfied-by="audited" to="coordinator"/>
    <k:recurring id="t" every="P1Y" to="coordinator"/>
    <transition event="checked" cond="true"><k:satisfy id="t"/></transition>
  </state>
</scxml>)X",
                                                "r.scxml", ".", {});
  BOOST_REQUIRE_MESSAGE(chart.ok(), chart.status().message());
  const auto& a = (*chart)->states[(*chart)->FindState("a")];
  BOOST_REQUIRE_EQUAL(a.recurring.size(), 3u);
  BOOST_CHECK(a.recurring[2].satisfied_by.empty());  // met by <k:satisfy> alone
  BOOST_CHECK_EQUAL(a.recurring[0].every.param, "every.months");
  BOOST_CHECK(a.recurring[0].every.unit == DueSpec::Unit::kMonths);
  BOOST_REQUIRE(a.recurring[0].escalate.has_value());
  BOOST_CHECK_EQUAL(a.recurring[0].escalate->days, 7);
  BOOST_CHECK_EQUAL(a.recurring[0].escalate_to, "director");
  BOOST_CHECK_EQUAL(a.recurring[1].every.param, "audit.every");
  BOOST_CHECK(!a.recurring[1].escalate.has_value());
}

BOOST_AUTO_TEST_CASE(RecurringParameterErrorsNameTheirPlace) {
  auto chart = koop::model::LoadChartFromString(R"X(<scxml xmlns="http://www.w3.org/2005/07/scxml"
 xmlns:k="urn:kooperacja:workflow:1" version="1.0">
  <k:param name="n" type="int" default="3"/>
  <k:param name="d" type="duration" default="P1M"/>
  <k:param name="w" type="working-days" default="5"/>
  <state id="a">
    <k:recurring id="r1" every="param('nope') months" satisfied-by="e"/>
    <k:recurring id="r2" every="param('n')" satisfied-by="e"/>
    <k:recurring id="r3" every="param('d') months" satisfied-by="e"/>
    <k:recurring id="r4" every="param('w') days" satisfied-by="e"/>
    <k:recurring id="r5" every="P1M" satisfied-by="e" escalate="soon"/>
    <k:recurring id="r6" every="P1M" satisfied-by="e" escalate-to="director"/>
    <k:recurring id="r7" every="P1M"/>
    <transition event="x"><k:cancel-deadline id="r7"/></transition>
  </state>
</scxml>)X",
                                                "bad.scxml", ".", {});
  BOOST_REQUIRE(!chart.ok());
  const std::string m = chart.status().message();
  BOOST_TEST_MESSAGE(m);
  BOOST_CHECK(m.find("bad.scxml:7:5: recurring 'r1' uses unknown parameter 'nope' in every") !=
              std::string::npos);
  BOOST_CHECK(m.find("bad.scxml:8:5: recurring 'r2': parameter 'n' is of type int; "
                     "every=\"param('n')\" needs a duration parameter (or a count with a unit: "
                     "param('n') months)") != std::string::npos);
  BOOST_CHECK(m.find("bad.scxml:9:5: recurring 'r3': parameter 'd' is of type duration; "
                     "every=\"param('d') months\" needs an int or days parameter") !=
              std::string::npos);
  BOOST_CHECK(m.find("bad.scxml:10:5: recurring 'r4': parameter 'w' is of type working-days") !=
              std::string::npos);
  BOOST_CHECK(m.find("bad.scxml:11:") != std::string::npos &&
              m.find("escalate must be an ISO 8601 duration") != std::string::npos);
  BOOST_CHECK(m.find("bad.scxml:12:") != std::string::npos &&
              m.find("escalate-to needs escalate") != std::string::npos);
  BOOST_CHECK(m.find("bad.scxml:13:5: <k:recurring> 'r7' needs satisfied-by events or a "
                     "<k:satisfy id> naming it") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(SatisfyAndSatisfiedByOfOneEventAreRefused) {
  auto chart = koop::model::LoadChartFromString(R"X(<scxml xmlns="http://www.w3.org/2005/07/scxml"
 xmlns:k="urn:kooperacja:workflow:1" version="1.0">
  <state id="a">
    <k:recurring id="r" every="P3M" satisfied-by="meeting.held"/>
    <transition event="meeting"><k:satisfy id="r"/></transition>
    <transition event="meeting.held.late"><if cond="true"><k:satisfy id="r"/></if></transition>
    <transition event="meeting.planned"><k:satisfy id="r"/></transition>
    <transition event="report"><k:satisfy id="r"/></transition>
  </state>
</scxml>)X",
                                                "twice.scxml", ".", {});
  BOOST_REQUIRE(!chart.ok());
  const std::string m = chart.status().message();
  BOOST_TEST(m ==
             "twice.scxml:5:33: <k:satisfy id=\"r\"> on event 'meeting' counts it twice: the "
             "obligation is already satisfied by 'meeting.held' (drop one of the two)\n"
             "twice.scxml:6:59: <k:satisfy id=\"r\"> on event 'meeting.held.late' counts it "
             "twice: the obligation is already satisfied by 'meeting.held' (drop one of the "
             "two)");
}

BOOST_AUTO_TEST_CASE(StartDataIsCheckedLikeEventData) {
  auto good = koop::model::LoadChartFromString(R"X(<scxml xmlns="http://www.w3.org/2005/07/scxml"
 xmlns:k="urn:kooperacja:workflow:1" version="1.0">
  <k:start>
    <k:data name="sprawa.numer" type="string" required="true" title="Numer sprawy"/>
    <k:data name="zgloszenie.instytucja" type="institution" title="Instytucja"/>
  </k:start>
  <state id="a"/>
</scxml>)X",
                                               "good.scxml", ".", {});
  if (!good.ok()) BOOST_ERROR(good.status().message());

  auto chart = koop::model::LoadChartFromString(R"X(<scxml xmlns="http://www.w3.org/2005/07/scxml"
 xmlns:k="urn:kooperacja:workflow:1" version="1.0">
  <k:start>
    <k:data name="a" type="colour"/>
    <k:field name="b"/>
    <k:data name="a"/>
  </k:start>
  <k:start title="x"/>
  <state id="a"/>
</scxml>)X",
                                                "bad.scxml", ".", {});
  BOOST_REQUIRE(!chart.ok());
  const std::string m = chart.status().message();
  BOOST_TEST_MESSAGE(m);
  BOOST_CHECK(m.find("bad.scxml:4:22: unknown type 'colour' (string, text, int, number, bool, "
                     "date, time, choice, institution or institutions)") != std::string::npos);
  BOOST_CHECK(m.find("bad.scxml:5:5: <k:start> holds only <k:data> elements, not <field>") !=
              std::string::npos);
  BOOST_CHECK(m.find("bad.scxml:6:13: duplicate <k:data> 'a'") != std::string::npos);
  BOOST_CHECK(m.find("bad.scxml:8:3: only one <k:start> is allowed") != std::string::npos);
  BOOST_CHECK(m.find("bad.scxml:8:12: unknown attribute 'title' on <start>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(SuccessorBelongsInATopLevelFinal) {
  auto good = koop::model::LoadChartFromString(R"X(<scxml xmlns="http://www.w3.org/2005/07/scxml"
 xmlns:k="urn:kooperacja:workflow:1" version="1.0">
  <state id="a"><transition event="e" target="done"/></state>
  <final id="done"><k:successor workflow="next"/></final>
</scxml>)X",
                                               "good.scxml", ".", {});
  BOOST_REQUIRE_MESSAGE(good.ok(), good.status().message());
  const auto& chart = **good;
  BOOST_CHECK_EQUAL(chart.states[static_cast<std::size_t>(chart.FindState("done"))].successor,
                    "next");
  BOOST_CHECK_EQUAL(chart.states[static_cast<std::size_t>(chart.FindState("a"))].successor, "");

  auto bad = koop::model::LoadChartFromString(R"X(<scxml xmlns="http://www.w3.org/2005/07/scxml"
 xmlns:k="urn:kooperacja:workflow:1" version="1.0">
  <state id="a"><k:successor workflow="next"/>
    <final id="inner"><k:successor workflow="next"/></final>
  </state>
  <final id="done"><k:successor/><k:successor workflow="x" to="y"/></final>
  <final id="away"><k:successor workflow="../etc/next"/></final>
</scxml>)X",
                                              "bad.scxml", ".", {});
  BOOST_REQUIRE(!bad.ok());
  const std::string m = bad.status().message();
  BOOST_TEST_MESSAGE(m);
  BOOST_CHECK(m.find("bad.scxml:3:17: <k:successor> belongs in a top-level <final>") !=
              std::string::npos);
  BOOST_CHECK(m.find("bad.scxml:4:23: <k:successor> belongs in a top-level <final>") !=
              std::string::npos);
  BOOST_CHECK(m.find("bad.scxml:6:20: <k:successor> needs a workflow") != std::string::npos);
  BOOST_CHECK(m.find("bad.scxml:6:60: unknown attribute 'to' on <successor>") != std::string::npos);
  BOOST_CHECK(m.find("bad.scxml:7:33: <k:successor workflow> is a workflow id (letters, digits, "
                     "'-', '_')") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
