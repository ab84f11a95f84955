// The one JSON reader of the engine (issue 12): every JSON text the engine reads — data a person
// wrote (--data files, render data), stored snapshots and data, municipality JSON, rule contexts —
// goes through these functions, so an unreadable text is an error naming its place, never an
// empty object. SOURCE is a file name, or the stored object's name ("snapshot of instance X").
#pragma once

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Handler.h>
#include <Poco/JSON/Object.h>

#include <exception>
#include <string>
#include <vector>

#include "koop/status.h"

namespace koop::json {

// Any JSON value. kDataError "SOURCE:LINE:COL: invalid JSON: REASON" on a syntax error (line and
// column from 1, the column in bytes; "SOURCE: invalid JSON: REASON" when Poco refuses text the
// grammar allows, e.g. nesting too deep).
Result<Poco::Dynamic::Var> Parse(const std::string& text, const std::string& source);
// One object; "SOURCE: not a JSON object" for valid JSON of another kind.
Result<Poco::JSON::Object::Ptr> ParseObject(const std::string& text, const std::string& source);
// One list; "SOURCE: not a JSON list" for valid JSON of another kind.
Result<Poco::JSON::Array::Ptr> ParseArray(const std::string& text, const std::string& source);
// A list of texts (["a","b"]); "SOURCE: not a list of texts" for other valid JSON.
Result<std::vector<std::string>> ParseStrings(const std::string& text, const std::string& source);
// Feeds `handler` (a streaming reader); the same errors. `first_line` is the line of SOURCE the
// text starts on (a line of a JSON Lines file).
Status ParseWith(const std::string& text, const std::string& source,
                 const Poco::JSON::Handler::Ptr& handler, int first_line = 1);
// The error for an exception Poco's parser threw on `text`.
Status SyntaxError(const std::string& text, const std::string& source, const std::exception& e,
                   int first_line = 1);

}  // namespace koop::json
