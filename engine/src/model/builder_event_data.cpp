// <k:data> inside <k:event> (the values an event takes) or <k:start> (the values starting an
// instance takes), declared for the forms people use (read by koop/workflow_info.h). Checked here
// so a typo fails `koop validate`.
#include <libxml/tree.h>

#include <set>

#include "model/chart_builder.h"

namespace koop::model {

void ChartBuilder::ParseKoopEventData(const xmlNode* event) {
  static const std::set<std::string> kTypes = {"string",       "text",       "int",  "number",
                                               "bool",         "date",       "time", "choice",
                                               "institutions", "institution"};
  const std::string parent = "<k:" + LocalName(event) + ">";
  std::set<std::string> names;
  for (const xmlNode* c = event->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (LocalName(c) != "data" || NamespaceOf(c) != kKoopNamespace) {
      Error(c, parent + " holds only <k:data> elements, not <" + LocalName(c) + ">");
      continue;
    }
    CheckAttrs(c, {"name", "type", "title", "required", "working-day", "values"});
    std::string name = Attr(c, "name");
    if (name.empty()) Error(c, "<k:data> needs a name");
    if (!names.insert(name).second) Error(c, "duplicate <k:data> '" + name + "'", "name");
    std::string type = Attr(c, "type");
    if (!type.empty() && !kTypes.count(type)) {
      Error(c,
            "unknown type '" + type +
                "' (string, text, int, number, bool, date, time, choice, institution or "
                "institutions)",
            "type");
    }
    for (const char* flag : {"required", "working-day"}) {
      std::string v = Attr(c, flag);
      if (!v.empty() && v != "true" && v != "false") {
        Error(c, std::string(flag) + " must be 'true' or 'false'", flag);
      }
    }
    if (Attr(c, "working-day") == "true" && type != "date") {
      Error(c, "working-day applies to a date", "working-day");
    }
    if (type == "choice" && Attr(c, "values").empty()) {
      Error(c, "a choice needs values=\"a b c\"", "values");
    }
  }
}

}  // namespace koop::model
