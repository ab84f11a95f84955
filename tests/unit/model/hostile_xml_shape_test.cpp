// Hostile XML shapes, workflow and municipality files alike. Guards against: one element with
// 200,000 attributes kept libxml2 busy for 500 s (it compares attribute names pairwise), and
// similar shapes (deep nesting, huge element counts) cost minutes or gigabytes before any check
// of ours ran. A linear pre-scan refuses them with the place of the offending element.
#include <boost/test/unit_test.hpp>
#include <chrono>

#include "model/loader.h"
#include "model/xml_limits.h"
#include "municipality/municipality.h"

namespace {

const std::string kHead =
    "<scxml xmlns=\"http://www.w3.org/2005/07/scxml\" version=\"1.0\" datamodel=\"ecmascript\">\n";

std::string LoadWorkflow(const std::string& xml) {
  auto start = std::chrono::steady_clock::now();
  auto chart = koop::model::LoadChartFromString(xml, "shape.scxml", ".");
  BOOST_CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(1));
  return chart.ok() ? "" : chart.status().message();
}

std::string Attributes(int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += " k:a" + std::to_string(i) + "='x'";
  return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(HostileXmlShape)

BOOST_AUTO_TEST_CASE(ManyAttributesOnOneElement) {
  std::string xml =
      kHead + "<state id=\"a\"\n   xmlns:k=\"urn:x\"" + Attributes(50000) + "/></scxml>";
  BOOST_CHECK_EQUAL(LoadWorkflow(xml), "shape.scxml:2:1: element has more than 64 attributes");
}

BOOST_AUTO_TEST_CASE(DeepNesting) {
  std::string xml = kHead;
  std::size_t at = 0;  // the 128th <state>: with <scxml> 129 levels
  for (int i = 0; i < 5000; ++i) {
    if (i == 127) at = xml.size() - kHead.size();
    xml += "<state id=\"s" + std::to_string(i) + "\">";
  }
  BOOST_CHECK_EQUAL(LoadWorkflow(xml), "shape.scxml:2:" + std::to_string(at + 1) +
                                           ": elements nested deeper than 128 levels");
}

BOOST_AUTO_TEST_CASE(TooManyElements) {
  std::string xml = kHead + "<state id=\"a\"><onentry>\n";
  for (int i = 0; i < 200000; ++i) xml += "<log/>";
  xml += "</onentry></state></scxml>";
  // <scxml>, <state> and <onentry> come first: the 99,998th <log/> is one too many.
  BOOST_CHECK_EQUAL(LoadWorkflow(xml), "shape.scxml:3:" + std::to_string(1 + 6 * 99997) +
                                           ": more than 100000 elements");
}

BOOST_AUTO_TEST_CASE(QuotedMarkupDoesNotCount) {
  // '=' and '>' inside attribute values, comments and CDATA are not attributes or tags.
  std::string xml = kHead + "<!-- <a b=1 c=2> -->\n<state id=\"a\"><onentry><log expr=\"'a=b' + " +
                    "'>=' \"/><script><![CDATA[ var x = '<y z=1>'; ]]></script></onentry>" +
                    "</state></scxml>";
  BOOST_CHECK_EQUAL(LoadWorkflow(xml), "");
}

BOOST_AUTO_TEST_CASE(MunicipalityWithManyAttributes) {
  std::string xml = "<municipality xmlns=\"" +
                    std::string(koop::municipality::kMunicipalityNamespace) +
                    "\"\n  xmlns:k=\"urn:x\"" + Attributes(200000) + "/>";
  auto start = std::chrono::steady_clock::now();
  auto m = koop::municipality::ParseMunicipality(xml, "evil.xml");
  BOOST_CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(1));
  BOOST_REQUIRE(!m.ok());
  BOOST_CHECK_EQUAL(m.status().message(), "evil.xml:1:1: element has more than 64 attributes");
}

BOOST_AUTO_TEST_CASE(MunicipalityNestedDeep) {
  std::string xml =
      "<municipality xmlns=\"" + std::string(koop::municipality::kMunicipalityNamespace) + "\">";
  std::size_t at = xml.size() + 3 * 63;  // the 64th <x>: with the root 65 levels
  for (int i = 0; i < 100; ++i) xml += "<x>";
  auto m = koop::municipality::ParseMunicipality(xml, "deep.xml");
  BOOST_REQUIRE(!m.ok());
  BOOST_CHECK_EQUAL(m.status().message(), "deep.xml:1:" + std::to_string(at + 1) +
                                              ": elements nested deeper than 64 levels");
}

BOOST_AUTO_TEST_SUITE_END()
