#include "pack/param_wording.h"

#include <Poco/JSON/Object.h>

#include <cctype>

namespace koop::pack {
namespace {

// A parameter's whole number, whether bound typed (int) or as text ("3"); -1 when it is neither.
long long WholeNumber(const JsonObject& params, const std::string& name) {
  if (!params || !params->has(name)) return -1;
  Poco::Dynamic::Var v = params->get(name);
  try {
    if (v.isString()) {
      const std::string s = v.extract<std::string>();
      if (s.empty() || s.size() > 6) return -1;
      for (char c : s) {
        if (!std::isdigit(static_cast<unsigned char>(c))) return -1;
      }
      return std::stoll(s);
    }
    if (v.isInteger()) return v.convert<long long>();
  } catch (const std::exception&) {
  }
  return -1;
}

std::string Text(const JsonObject& params, const std::string& name) {
  if (!params || !params->has(name)) return "";
  Poco::Dynamic::Var v = params->get(name);
  return v.isString() ? v.extract<std::string>() : "";
}

// "07:30" → "7:30"; "" unless HH:MM.
std::string Hour(const std::string& hhmm) {
  if (hhmm.size() != 5 || hhmm[2] != ':') return "";
  for (std::size_t i : {0u, 1u, 3u, 4u}) {
    if (!std::isdigit(static_cast<unsigned char>(hhmm[i]))) return "";
  }
  return hhmm[0] == '0' ? hhmm.substr(1) : hhmm;
}

void SetAt(JsonObject data, const std::string& object, const std::string& key,
           const std::string& value) {
  Poco::JSON::Object::Ptr target = data->getObject(object);
  if (!target) {
    target = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    data->set(object, target);
  }
  target->set(key, value);
}

}  // namespace

std::string EveryMonthsInWords(long long months) {
  switch (months) {
    case 1:
      return "raz w miesiącu";
    case 2:
      return "raz na dwa miesiące";
    case 3:
      return "raz na kwartał";
    case 6:
      return "raz na pół roku";
    case 12:
      return "raz w roku";
    case 24:
      return "raz na dwa lata";
    default:
      break;
  }
  if (months < 1) return "";
  // Polish plural after a number: 2–4 (not 12–14) "miesiące", otherwise "miesięcy".
  const long long tens = months % 100, ones = months % 10;
  const bool few = ones >= 2 && ones <= 4 && (tens < 12 || tens > 14);
  return "raz na " + std::to_string(months) + (few ? " miesiące" : " miesięcy");
}

std::string OfficeHoursInWords(const std::string& open, const std::string& close) {
  const std::string from = Hour(open), to = Hour(close);
  if (from.empty() || to.empty()) return "";
  return "poniedziałek–piątek " + from + "–" + to;
}

void AddParamWording(const JsonObject& params, JsonObject data) {
  const std::string hours =
      OfficeHoursInWords(Text(params, "office_open"), Text(params, "office_close"));
  if (!hours.empty()) SetAt(data, "osrodek", "godziny_pracy", hours);
  const std::string meetings = EveryMonthsInWords(WholeNumber(params, "pzk_meetingEveryMonths"));
  if (!meetings.empty()) SetAt(data, "pzk", "spotkania_czestotliwosc", meetings);
  const std::string basket = EveryMonthsInWords(WholeNumber(params, "basket_updateMonths"));
  if (!basket.empty()) SetAt(data, "pzk", "koszyk_aktualizacja", basket);
}

}  // namespace koop::pack
