// A conservative look at a piece of ECMAScript text: can evaluating it change anything? Used to
// skip the before/after comparison of the data model for guards that plainly cannot (the common
// `x > 3 && In('s')`), so the read-only check costs nothing for them. Strings, template-free
// regular expressions and comments are skipped; any assignment operator, ++/--, `delete`, or
// call (other than the global In() and param(), not a method of that name), `new`, answers
// "maybe". Implicit calls (a getter, valueOf, toString of a script's object) are not seen.
#pragma once

#include <string>

namespace koop::exec {

bool MayMutate(const std::string& code);

}  // namespace koop::exec
