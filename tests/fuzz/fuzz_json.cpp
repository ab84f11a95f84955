// Fuzzes the JSON readers: the snapshot reader (exec/json_tree), the template data reader
// (docx/data, over Poco's parser), the check of JSON a person wrote (koop/json_check.h: Poco plus
// a grammar scanner that finds the place), the pack data reader (pack/json_tree) and the stored
// municipality (municipality_json). Any bytes parse or fail with a Status; a municipality that
// was read back is written and read again equal.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "docx/data.h"
#include "exec/json_tree.h"
#include "koop/json_check.h"
#include "municipality/municipality.h"
#include "pack/json_tree.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  std::string_view view(reinterpret_cast<const char*>(bytes), size);
  std::string text(view);
  auto tree = koop::exec::ParseJsonTree(view);
  if (tree.ok()) {
    (void)koop::exec::JsonString(*tree, "id");
    (void)koop::exec::JsonInt(*tree, "seq");
    (void)koop::exec::JsonBool(*tree, "done");
  }
  (void)koop::docx::ParseJson(text, "fuzz.json");
  (void)koop::CheckJsonObjectText(text, "fuzz.json");
  auto object = koop::pack::ParseObject(text, "fuzz.json");
  if (object.ok()) (void)koop::pack::ToJson(*object);
  auto m = koop::municipality::MunicipalityFromJson(text);
  if (m.ok()) {
    std::string again = koop::municipality::MunicipalityToJson(*m);
    auto back = koop::municipality::MunicipalityFromJson(again);
    if (!back.ok() || koop::municipality::MunicipalityToJson(*back) != again) std::abort();
  }
  return 0;
}
