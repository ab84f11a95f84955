// Fuzzes the workflow loader (SCXML with the koop namespace): any bytes must load or fail with
// a Status naming the place. `src` attributes resolve in an empty folder, so nothing is read.
#include <cstddef>
#include <cstdint>
#include <string>

#include "model/loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  std::string xml(reinterpret_cast<const char*>(bytes), size);
  auto chart = koop::model::LoadChartFromString(xml, "fuzz.scxml", "/nonexistent-koop-fuzz");
  (void)chart;
  return 0;
}
