#!/usr/bin/env bash
# The include graph between the folders of engine/src/ has no cycle, and README.md and
# engine/CMakeLists.txt list the folders as they are (scripts/include-cycles). The checker itself is
# shown to fail on a small tree with a cycle and on a stale folder list.
source "$(dirname "$0")/lib.sh"
checker="$KOOP_SOURCE_DIR/scripts/include-cycles"

out="$("$checker" "$KOOP_SOURCE_DIR/engine/src" "$KOOP_SOURCE_DIR/README.md" \
  "$KOOP_SOURCE_DIR/engine/CMakeLists.txt")"
check "engine/src has no include cycle (exit)" 0 $?
echo "$out"
check "engine/src summary" 1 "$(echo "$out" | grep -cE '^[0-9]+ folders, [0-9]+ edges, no cycle$')"

# A tree with the cycle a -> b -> a, an edge c -> a outside it and an edge a -> koop.
mkdir -p src/a src/b src/c src/koop
printf '#include "b/y.h"\n#include "koop/status.h"\n' >src/a/x.h
printf '// one\n#include <string>\n#include "a/x.h"\n' >src/b/y.cpp
printf '#include "a/x.h"\n' >src/c/z.h
printf 'x\n' >src/koop/status.h
out="$("$checker" src)"
check "a cycle fails the check" 1 $?
check "the cycle and the lines that make it" "cycle: a -> b -> a
  a -> b: a/x.h:1
  b -> a: b/y.cpp:3" "$out"

# Without the back edge: no cycle, and the listing is compared with README and CMake.
printf '// no include\n' >src/b/y.cpp
cat >README.md <<'MD'
| `engine/src/<concern>/` | internals: `a` (first), `c` (third), `d` (gone) |
MD
cat >CMakeLists.txt <<'CM'
# everything under src/ is internal, one folder per concern (a, b,
# c, koop). New .cpp files are picked up by the glob below.
CM
out="$("$checker" src README.md CMakeLists.txt)"
check "a stale folder list fails the check" 1 $?
check "the stale names" "README.md does not list the folder 'b'
README.md does not list the folder 'koop'
README.md lists 'd', which is not a folder of engine/src" "$out"

sed -i 's/`d` (gone)/`b`, `koop`/' README.md
out="$("$checker" src README.md CMakeLists.txt)"
check "an exact listing passes (exit)" 0 $?
check "an exact listing passes" "4 folders, 3 edges, no cycle" "$out"

"$checker" 2>/dev/null
check "no argument is a usage error" 64 $?

exit $((failures > 0))
