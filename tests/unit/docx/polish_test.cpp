// Polish formatting helpers and the thread-safety of a shared template.
#include "docx/polish.h"

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <thread>

#include "docx_fixture.h"
#include "koop/docx.h"

using namespace koop::docx;

BOOST_AUTO_TEST_SUITE(docx_polish)

BOOST_AUTO_TEST_CASE(FormatsGroszeExactly) {
  BOOST_TEST(FormatGrosze(0) == "0,00 zł");
  BOOST_TEST(FormatGrosze(5) == "0,05 zł");
  BOOST_TEST(FormatGrosze(123450) == "1 234,50 zł");
  BOOST_TEST(FormatGrosze(100000000) == "1 000 000,00 zł");
  BOOST_TEST(FormatGrosze(-99) == "-0,99 zł");
  BOOST_TEST(FormatGrosze(922337203685477580) == "9 223 372 036 854 775,80 zł");
}

BOOST_AUTO_TEST_CASE(ParsesZloteWithoutFloatingPoint) {
  BOOST_TEST(*ParseZlote("1234,5") == 123450);
  BOOST_TEST(*ParseZlote("1 234.56") == 123456);
  BOOST_TEST(*ParseZlote("0.1") == 10);
  BOOST_TEST(*ParseZlote("-12") == -1200);
  BOOST_TEST(!ParseZlote("12,345").ok());
  BOOST_TEST(!ParseZlote("abc").ok());
  BOOST_TEST(!ParseZlote("").ok());
}

BOOST_AUTO_TEST_CASE(ChoosesPolishPluralForms) {
  auto f = [](int64_t n) { return static_cast<int>(PolishPluralForm(n)); };
  BOOST_TEST(f(1) == 0);
  for (int64_t n : {2, 3, 4, 22, 23, 24, 102, 1004}) BOOST_TEST(f(n) == 1, n);
  for (int64_t n : {0, 5, 11, 12, 13, 14, 15, 21, 25, 111, 112, 1000}) BOOST_TEST(f(n) == 2, n);
  std::string forms[3];
  BOOST_TEST(KnownNounForms("instytucja", forms));
  BOOST_TEST(forms[2] == "instytucji");
  BOOST_TEST(!KnownNounForms("słoń", forms));
}

BOOST_AUTO_TEST_CASE(FormatsDatesAndWeekdays) {
  auto d = ParseCivilDate("2026-11-23");
  BOOST_TEST_REQUIRE(d.ok());
  BOOST_TEST(PolishLongDate(*d) == "23 listopada 2026 r.");
  BOOST_TEST(PolishShortDate(*d) == "23.11.2026");
  BOOST_TEST(PolishWeekday(*d) == "poniedziałek");
  BOOST_TEST(PolishWeekday(*ParseCivilDate("2026-05-03")) == "niedziela");
  BOOST_TEST(PolishLongDate(*ParseCivilDate("2024-02-29T23:59")) == "29 lutego 2024 r.");
  BOOST_TEST(!ParseCivilDate("2026-02-30").ok());
  BOOST_TEST(!ParseCivilDate("23.11.2026").ok());
  BOOST_TEST(!ParseCivilDate("2026-11-23x").ok());
}

BOOST_AUTO_TEST_CASE(OneTemplateRendersConcurrently) {
  using namespace koop::docx::testing;
  std::string dir = TempDir("concurrent");
  WriteZip(dir + "/t.docx",
           MinimalDocx("<w:p><w:r><w:t>{#a}{.} {/a}{n | liczba:\"dzień\"}</w:t></w:r></w:p>"));
  auto tmpl = koop::DocxTemplate::Open(dir + "/t.docx");
  BOOST_TEST_REQUIRE(tmpl.ok());
  std::vector<std::thread> threads;
  std::vector<koop::Status> results(4);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int k = 0; k < 25 && results[t].ok(); ++k) {
        std::string json = "{\"a\": [\"x\", \"y\"], \"n\": " + std::to_string(t + 1) + "}";
        results[t] = tmpl->Render(json, {}, dir + "/out" + std::to_string(t) + ".docx");
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < 4; ++t) {
    BOOST_TEST(results[t].ok(), results[t].message());
    auto lines = PartLines(dir + "/out" + std::to_string(t) + ".docx", "word/document.xml");
    BOOST_TEST(lines.front() == "x y " + std::to_string(t + 1) + (t == 0 ? " dzień" : " dni"));
  }
}

BOOST_AUTO_TEST_SUITE_END()
