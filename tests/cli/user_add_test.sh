#!/usr/bin/env bash
# `koop user add` with a tenant that does not fit the role: exit 64, nothing added; the engine says
# what the account lacks or has too much of, the runner adds the flag that gives it.
. "$KOOP_SOURCE_DIR/tests/cli/lib.sh"

# koop user add: the engine says what the account lacks, the runner adds the flag.
for args in "--role member --municipality sieradz|a member account needs an institution (--institution)" \
  "--role admin|an account needs a municipality (--municipality)" \
  "--role admin --municipality sieradz --institution sp5|only a member account has an institution (--institution)"; do
  echo "hasło-testowe-1" | "$KOOP" --db users.db user add ala ${args%%|*} >out 2>err
  check "user add ${args%%|*}: exit" 64 $?
  check "user add ${args%%|*}: message" "koop: ${args#*|}" "$(cat err)"
done
"$KOOP" --db users.db user list >out 2>err
check "nothing added" "" "$(cat out)"
echo "$failures failures"
exit $((failures > 0))
