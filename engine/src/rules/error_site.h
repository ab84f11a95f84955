// Where a rule error happened, and how its message names that place.
//
// Code is compiled with the name of the file it comes from (a rule file, or the definition XML
// for inline code, padded so duktape's line numbers are the file's own lines), so the traceback
// of a duktape error names "file:line" for every JavaScript frame. FindErrorSite() picks the
// innermost such frame: frames of duktape's own C sources ("internal") and native functions are
// skipped, so a TypeError raised inside a property read, or an error from a native helper such
// as param(), is placed on the rule line that made the call.
//
// DescribeError() then builds the message from `where` (what the caller was evaluating:
// "chart.scxml:12:5" for a code unit of a chart, "rules/x.js: name()" for a rule function called
// by name) and the site:
//   chart.scxml:4:50: ReferenceError: ...                    (the error is on where's own line)
//   chart.scxml:14: TypeError: ... (line 3 of the script at chart.scxml:12:5)
//   rules/x.js:7: TypeError: ... (called from chart.scxml:4:50)
//   rules/x.js:7: name(): TypeError: ...                     (rule function called by name)
//   where: text                                              (no site: thrown non-Error value,
//                                                             error raised outside any rule code)
#pragma once

#include <string>

struct duk_hthread;
typedef struct duk_hthread duk_context;

namespace koop::rules {

struct ErrorSite {
  std::string file;  // empty = unknown
  int line = 0;
};

// The innermost JavaScript frame of the traceback in `stack` (the `stack` property of an Error).
ErrorSite SiteFromStack(const std::string& stack);

// The site of the error value at `idx` (reads its `stack`; never throws).
ErrorSite FindErrorSite(duk_context* ctx, int idx);

// Lines of where's file that the evaluated code unit's text spans (first = 0 when `where` is not
// a code unit of a chart, or when its text has a single line).
struct CodeSpan {
  int first = 0;
  int last = 0;
};

std::string DescribeError(const std::string& where, const CodeSpan& span, const ErrorSite& site,
                          const std::string& text);

}  // namespace koop::rules
