#include "rules/error_site.h"

#include <cstdlib>

#include "duktape.h"

namespace koop::rules {
namespace {

bool AllDigits(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// "file:12:5: rest" / "file:12:5" / "file: rest" / "file" -> file, line (0 if none), rest.
struct Where {
  std::string file;
  int line = 0;
  std::string rest;  // after "file[:line:col]: "
};

Where SplitWhere(const std::string& where) {
  Where w;
  std::size_t head_end = where.find(": ");
  std::string head = head_end == std::string::npos ? where : where.substr(0, head_end);
  if (head_end != std::string::npos) w.rest = where.substr(head_end + 2);
  // head is "file" or "file:line:col"
  std::size_t c2 = head.rfind(':');
  std::size_t c1 = c2 == std::string::npos || c2 == 0 ? std::string::npos : head.rfind(':', c2 - 1);
  if (c1 != std::string::npos && AllDigits(head.substr(c1 + 1, c2 - c1 - 1)) &&
      AllDigits(head.substr(c2 + 1))) {
    w.file = head.substr(0, c1);
    w.line = std::atoi(head.substr(c1 + 1, c2 - c1 - 1).c_str());
  } else {
    w.file = head;
  }
  return w;
}

}  // namespace

ErrorSite SiteFromStack(const std::string& stack) {
  // Frames look like "    at name (file:line)[ flags]"; duktape's C frames end in " internal",
  // native functions have "()" and " native".
  std::size_t pos = 0;
  while (pos < stack.size()) {
    std::size_t end = stack.find('\n', pos);
    if (end == std::string::npos) end = stack.size();
    std::string line = stack.substr(pos, end - pos);
    pos = end + 1;
    std::size_t at = line.find("    at ");
    if (at != 0) continue;
    std::size_t close = line.rfind(')');
    if (close == std::string::npos) continue;
    std::string flags = line.substr(close + 1);
    if (flags.find("internal") != std::string::npos || flags.find("native") != std::string::npos) {
      continue;
    }
    std::size_t open = line.rfind(" (", close);
    if (open == std::string::npos) continue;
    std::string inside = line.substr(open + 2, close - open - 2);
    std::size_t colon = inside.rfind(':');
    if (colon == std::string::npos || colon == 0) continue;
    std::string num = inside.substr(colon + 1);
    if (!AllDigits(num)) continue;
    ErrorSite site{inside.substr(0, colon), std::atoi(num.c_str())};
    if (site.line <= 0) continue;
    return site;
  }
  return {};
}

ErrorSite FindErrorSite(duk_context* ctx, int idx) {
  if (!duk_is_error(ctx, idx)) return {};
  duk_get_prop_string(ctx, idx, "stack");
  std::string stack = duk_is_string(ctx, -1) ? duk_get_string(ctx, -1) : "";
  duk_pop(ctx);
  return SiteFromStack(stack);
}

std::string DescribeError(const std::string& where, const CodeSpan& span, const ErrorSite& site,
                          const std::string& text) {
  if (site.file.empty()) return where + ": " + text;
  Where w = SplitWhere(where);
  std::string place = site.file + ":" + std::to_string(site.line);
  if (site.file == w.file) {
    if (w.line != 0 && site.line == w.line) return where + ": " + text;
    if (w.line == 0) return place + (w.rest.empty() ? "" : ": " + w.rest) + ": " + text;
    if (span.first > 0 && site.line >= span.first && site.line <= span.last) {
      return place + ": " + text + " (line " + std::to_string(site.line - span.first + 1) +
             " of the script at " + where + ")";
    }
  }
  return place + ": " + text + " (called from " + where + ")";
}

}  // namespace koop::rules
