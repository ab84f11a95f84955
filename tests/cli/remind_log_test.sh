#!/usr/bin/env bash
# Operators read `koop remind` in the journal: a reminder that cannot be sent (here: no SMTP server
# listens on the configured loopback port) is one warning line naming its message id in brackets,
# the run exits 74, and no personal field of the case reaches the log (it once could only be found
# by counting: the summary line named no message at all).
. "$KOOP_SOURCE_DIR/tests/cli/lib.sh"

data="$KOOP_SOURCE_DIR/tests/scenario/remind/data"
# A loopback port nobody listens on: bound, then released.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat >koop.properties <<PROPS
smtp.host = 127.0.0.1
smtp.port = $port
smtp.starttls = false
smtp.timeout = 2
smtp.from = ops@example.org
workflows.dir = $data
municipalities.dir = $data
PROPS
k() { "$KOOP" --db k.db "$@"; }
k init >/dev/null 2>&1; check "init" 0 $?
echo '{"family": {"name": "Jan Kowalski-Sekretny"}}' >family.json
echo '{"date": "2026-12-29"}' >meeting.json
id=$(k start remindcase --municipality remindtown --at 2026-12-10T09:00 --data family.json 2>err)
check "start" 0 $?
k fire "$id" ggk.convened --at 2026-12-10T10:00 --data meeting.json >/dev/null 2>&1
check "fire" 0 $?
k remind --now 2026-12-17T07:00 >out 2>err; rc=$?
check "a send that fails is an I/O error" 74 $rc
warn=$(grep -c '^[0-9TZ:-]* warning koop.remind: \[<[^]]*>\] failed, retried later: ' err)
check "one warning line with the message id" 1 "$warn"
check "the summary counts it" "1" "$(grep -c 'failed 1' err)"
check "no personal field in the log" "0" "$(cat err out | grep -c Sekretny)"
# The next run, once a server is there, is not this test's concern (tests/scenario/mail).
echo "$failures failures"
exit $((failures > 0))
