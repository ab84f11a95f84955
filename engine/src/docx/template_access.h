// The compiled form behind a public koop::DocxTemplate, for engine-internal callers (mail merge)
// and the docx benchmark. The public header only names TemplateAccess as a friend, so no internal
// type or accessor is part of koop/docx.h.
#pragma once

#include "docx/compiled.h"
#include "koop/docx.h"

namespace koop::docx {

struct TemplateAccess {
  static const CompiledTemplate& Compiled(const DocxTemplate& tmpl) { return *tmpl.impl_; }
};

}  // namespace koop::docx
