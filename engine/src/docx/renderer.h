// Rendering a compiled template with data. This is the internal entry point for callers inside
// the engine (document packs) that already hold their data as Poco values or as a docx::Data
// tree: they skip JSON text altogether. Rendering only appends strings: the compiled token
// lists are walked, loops repeat their bodies, values are escaped; no XML is re-parsed.
#pragma once

#include <Poco/Dynamic/Var.h>

#include <map>
#include <string>
#include <vector>

#include "docx/compiled.h"
#include "docx/data.h"
#include "koop/status.h"

namespace koop::docx {

struct RenderSettings {
  bool blanks = false;  // missing values become a dotted fill-in line instead of an error
  bool staged = false;  // the output is a new file in a private staging folder
};

// The dotted fill-in line used for missing values with blanks on.
extern const char kBlankLine[];

// Renders every dynamic part; on success `out` maps part names to their new XML. Missing values
// (unless blanks) and filter errors are reported together, each with its part and tag (65).
Status RenderParts(const CompiledTemplate& tmpl, const Data& data, const RenderSettings& settings,
                   std::map<std::string, std::string>* out);

// RenderParts and then writes the document atomically to `out_path`.
Status RenderToFile(const CompiledTemplate& tmpl, const Data& data, const RenderSettings& settings,
                    const std::string& out_path);

// Same, for data held as Poco values (Poco::JSON::Object::Ptr ...).
Status RenderToFile(const CompiledTemplate& tmpl, const Poco::Dynamic::Var& data,
                    const RenderSettings& settings, const std::string& out_path);

}  // namespace koop::docx
