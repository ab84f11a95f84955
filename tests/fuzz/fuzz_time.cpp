// Fuzzes the ISO 8601 duration parser, the civil-date parser and the instant parser (--at):
// any text parses or fails with a Status; what parses formats and parses back the same.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "koop/calendar.h"
#include "koop/clock.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  std::string text(reinterpret_cast<const char*>(bytes), size);
  auto duration = koop::Duration::Parse(text);
  if (duration.ok()) {
    auto again = koop::Duration::Parse(duration->ToString());
    if (!again.ok() || !(*again == *duration)) std::abort();
  }
  auto date = koop::Date::Parse(text);
  if (date.ok()) {
    auto again = koop::Date::Parse(date->ToString());
    if (!again.ok() || !(*again == *date)) std::abort();
  }
  auto at = koop::ParseInstant(text);
  if (at.ok()) (void)koop::FormatInstantUtc(*at);
  return 0;
}
