// A conservative look at a piece of ECMAScript text: can evaluating it change anything? Used to
// skip the before/after comparison of the data model for guards that plainly cannot (the common
// `x > 3 && In('s')`), so the read-only check costs nothing for them. Strings, template-free
// regular expressions and comments are skipped; any assignment operator, ++/--, `delete`, or
// call (other than In() and param()) answers "maybe".
#pragma once

#include <string>

namespace koop::exec {

bool MayMutate(const std::string& code);

}  // namespace koop::exec
