// Document wording derived from parameters (engine/src/pack/param_wording.h): the words a
// document prints for a period or the office hours follow the municipality's parameters.
#include "pack/param_wording.h"

#include <Poco/JSON/Object.h>

#include <boost/test/unit_test.hpp>

using koop::pack::EveryMonthsInWords;
using koop::pack::OfficeHoursInWords;

BOOST_AUTO_TEST_SUITE(ParamWording)

BOOST_AUTO_TEST_CASE(SaysPeriodsAsTheSeedsDo) {
  BOOST_CHECK_EQUAL(EveryMonthsInWords(1), "raz w miesiącu");
  BOOST_CHECK_EQUAL(EveryMonthsInWords(2), "raz na dwa miesiące");
  BOOST_CHECK_EQUAL(EveryMonthsInWords(3), "raz na kwartał");
  BOOST_CHECK_EQUAL(EveryMonthsInWords(6), "raz na pół roku");
  BOOST_CHECK_EQUAL(EveryMonthsInWords(12), "raz w roku");
  BOOST_CHECK_EQUAL(EveryMonthsInWords(4), "raz na 4 miesiące");
  BOOST_CHECK_EQUAL(EveryMonthsInWords(5), "raz na 5 miesięcy");
  BOOST_CHECK_EQUAL(EveryMonthsInWords(13), "raz na 13 miesięcy");
  BOOST_CHECK_EQUAL(EveryMonthsInWords(22), "raz na 22 miesiące");
  BOOST_CHECK_EQUAL(EveryMonthsInWords(0), "");
  BOOST_CHECK_EQUAL(EveryMonthsInWords(-3), "");
}

BOOST_AUTO_TEST_CASE(SaysOfficeHoursWithoutLeadingZeros) {
  BOOST_CHECK_EQUAL(OfficeHoursInWords("07:30", "15:30"), "poniedziałek–piątek 7:30–15:30");
  BOOST_CHECK_EQUAL(OfficeHoursInWords("10:00", "18:00"), "poniedziałek–piątek 10:00–18:00");
  BOOST_CHECK_EQUAL(OfficeHoursInWords("7:30", "15:30"), "");
  BOOST_CHECK_EQUAL(OfficeHoursInWords("07:30", "late"), "");
}

BOOST_AUTO_TEST_CASE(ReplacesTheWordingFileOnlyWhereParametersAreKnown) {
  Poco::JSON::Object::Ptr params = new Poco::JSON::Object();
  params->set("office_open", "07:00");
  params->set("office_close", "15:00");
  params->set("pzk_meetingEveryMonths", "2");  // bound by the municipality: text
  Poco::JSON::Object::Ptr data = new Poco::JSON::Object();
  Poco::JSON::Object::Ptr pzk = new Poco::JSON::Object();
  pzk->set("spotkania_czestotliwosc", "raz na kwartał");
  pzk->set("koszyk_aktualizacja", "raz w roku");
  data->set("pzk", pzk);
  koop::pack::AddParamWording(params, data);
  BOOST_CHECK_EQUAL(data->getObject("osrodek")->getValue<std::string>("godziny_pracy"),
                    "poniedziałek–piątek 7:00–15:00");
  BOOST_CHECK_EQUAL(pzk->getValue<std::string>("spotkania_czestotliwosc"), "raz na dwa miesiące");
  // basket.updateMonths is not a parameter here: the wording file's text stays.
  BOOST_CHECK_EQUAL(pzk->getValue<std::string>("koszyk_aktualizacja"), "raz w roku");
  params->set("basket_updateMonths", 12);  // a workflow default: typed
  koop::pack::AddParamWording(params, data);
  BOOST_CHECK_EQUAL(pzk->getValue<std::string>("koszyk_aktualizacja"), "raz w roku");
  params->set("basket_updateMonths", 6);
  koop::pack::AddParamWording(params, data);
  BOOST_CHECK_EQUAL(pzk->getValue<std::string>("koszyk_aktualizacja"), "raz na pół roku");
}

BOOST_AUTO_TEST_SUITE_END()
