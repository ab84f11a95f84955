// Fuzzes the municipality file parser: any bytes parse or fail with a Status.
#include <cstddef>
#include <cstdint>
#include <string>

#include "municipality/municipality.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  std::string xml(reinterpret_cast<const char*>(bytes), size);
  auto m = koop::municipality::ParseMunicipality(xml, "fuzz.xml");
  (void)m;
  return 0;
}
