// Fuzzes the JSON readers: the snapshot reader (exec/json_tree) and the template data reader
// (docx/data, over Poco's parser). Any bytes parse or fail with a Status.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "docx/data.h"
#include "exec/json_tree.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(bytes), size);
  auto tree = koop::exec::ParseJsonTree(text);
  if (tree.ok()) {
    (void)koop::exec::JsonString(*tree, "id");
    (void)koop::exec::JsonInt(*tree, "seq");
    (void)koop::exec::JsonBool(*tree, "done");
  }
  auto data = koop::docx::ParseJson(std::string(text), "fuzz.json");
  (void)data;
  return 0;
}
