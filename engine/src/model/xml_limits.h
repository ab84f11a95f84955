// A cheap pre-scan of XML text that refuses, before libxml2 sees it, documents whose shape
// would make the parser spend minutes or gigabytes: libxml2 checks attribute names for
// duplicates pairwise, so one element with 200,000 attributes cost 500 s of CPU. One linear pass
// over the bytes counts elements, attributes per element and nesting depth; the first limit
// exceeded is reported with its line and column. It does not check well-formedness (libxml2
// does, afterwards). Used by the workflow loader and the municipality reader.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "koop/status.h"

namespace koop::model {

struct XmlLimits {
  std::size_t max_bytes = 8u << 20;
  std::size_t max_elements = 100000;
  std::size_t max_attributes = 64;  // per element, namespace declarations included
  std::size_t max_depth = 128;
};

struct XmlShapeProblem {
  int line = 0;
  int column = 0;
  std::string message;  // without the place
};

// The first limit exceeded, if any.
std::optional<XmlShapeProblem> CheckXmlShape(const std::string& text, const XmlLimits& limits);
// The same as a kDataError "NAME:LINE:COL: ..."; Ok when the shape is within the limits.
Status PrescanXml(const std::string& text, const std::string& name, const XmlLimits& limits);

}  // namespace koop::model
