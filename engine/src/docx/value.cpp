#include "docx/value.h"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>
#include <limits>

namespace koop::docx {

Val Val::Of(const Data* d) {
  if (d == nullptr) return Undef();
  switch (d->type) {
    case Data::Type::kNull:
      return Null();
    case Data::Type::kBool:
      return Bool(d->b);
    case Data::Type::kInt:
      return Int(d->i);
    case Data::Type::kDouble:
      return Double(d->d);
    case Data::Type::kString:
      return Str(d->s);
    default: {
      Val v;
      v.t = T::kNode;
      v.node = d;
      return v;
    }
  }
}

double Val::num() const {
  switch (t) {
    case T::kUndef:
      return std::numeric_limits<double>::quiet_NaN();
    case T::kNull:
      return 0;
    case T::kBool:
      return b ? 1 : 0;
    case T::kInt:
      return static_cast<double>(i);
    case T::kDouble:
      return d;
    case T::kString: {
      size_t a = s.find_first_not_of(" \t\n\r");
      if (a == std::string::npos) return 0;
      size_t e = s.find_last_not_of(" \t\n\r");
      std::string trimmed = s.substr(a, e - a + 1);
      char* end = nullptr;
      double v = std::strtod(trimmed.c_str(), &end);
      if (end != trimmed.c_str() + trimmed.size()) return std::numeric_limits<double>::quiet_NaN();
      return v;
    }
    case T::kNode:
      if (node->type == Data::Type::kArray && node->items.empty()) return 0;
      if (node->type == Data::Type::kArray && node->items.size() == 1) {
        return Val::Of(&node->items[0]).num();
      }
      return std::numeric_limits<double>::quiet_NaN();
  }
  return 0;
}

bool Val::truthy() const {
  switch (t) {
    case T::kUndef:
    case T::kNull:
      return false;
    case T::kBool:
      return b;
    case T::kInt:
      return i != 0;
    case T::kDouble:
      return d != 0 && !std::isnan(d);
    case T::kString:
      return !s.empty();
    case T::kNode:
      return true;
  }
  return false;
}

std::string FormatNumber(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  if (d == 0) return "0";  // also -0, as JavaScript prints it
  if (d == std::floor(d) && std::fabs(d) < 1e21) return fmt::format("{:.0f}", d);
  return fmt::format("{}", d);
}

std::string Val::str() const {
  switch (t) {
    case T::kUndef:
      return "undefined";
    case T::kNull:
      return "null";
    case T::kBool:
      return b ? "true" : "false";
    case T::kInt:
      return std::to_string(i);
    case T::kDouble:
      return FormatNumber(d);
    case T::kString:
      return s;
    case T::kNode: {
      if (node->type == Data::Type::kObject) return "[object Object]";
      std::string out;
      for (size_t k = 0; k < node->items.size(); ++k) {
        if (k) out += ',';
        Val e = Val::Of(&node->items[k]);
        if (!e.is_nullish()) out += e.str();
      }
      return out;
    }
  }
  return std::string();
}

}  // namespace koop::docx
