#!/usr/bin/env bash
# Determinism seen from the command line: whatever a rule reads, replaying the event log gives the
# same state. Guards against: a script that read the wall clock (Date.now(), new Date(), Date(),
# the original Date constructor behind the replaced one), local time of the process's zone
# (getHours, toString, Date.parse of a local date), Math.random or the Duktape/performance
# objects stored values that a replay at another moment, or on a machine in another zone, could
# not reproduce, so `koop show --verify` failed long after the event. Here every event runs in a
# process with one TZ and the replay in a process with another, seconds later.
. "$KOOP_SOURCE_DIR/tests/cli/lib.sh"
sandbox_workflow clocks <<'XML'
<scxml xmlns="http://www.w3.org/2005/07/scxml" version="1.0" datamodel="ecmascript"
       name="clocks" initial="open">
  <datamodel><data id="seen" expr="[]"/></datamodel>
  <state id="open">
    <transition event="look"><script>
      var r = [Date.now(), new Date().toISOString(), Date(), String(new Date()),
               new (new Date(0)).constructor().getTime(),
               Reflect.construct(Date, []).getTime(), new Date().getHours(),
               new Date().getDay(), new Date().getTimezoneOffset(),
               Date.parse('2026-11-23 10:00'), new Date(2026, 6, 1, 12, 0).getTime(),
               new Date().toLocaleString(), typeof Duktape, typeof performance];
      try { r.push(Math.random()); } catch (e) { r.push('random: ' + e.message); }
      seen.push(r);
    </script></transition>
  </state>
</scxml>
XML
db="--db k.db"
"$KOOP" $db init >/dev/null || fail "init"
id=$(TZ=America/Los_Angeles "$KOOP" $db start clocks --workflows wf --municipalities wf \
       --municipality testtown --at 2026-06-01T09:00) || fail "start"
TZ=Asia/Tokyo "$KOOP" $db fire "$id" look --at 2026-07-02T00:30 >/dev/null || fail "look 1"
sleep 1
TZ=UTC "$KOOP" $db fire "$id" look --at 2026-11-23T11:30 >/dev/null || fail "look 2"
seen() {
  "$KOOP" $db show "$id" --json |
    /usr/bin/python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin)["data"]["seen"], ensure_ascii=False))'
}
first=$(seen)
# --at is Warsaw time. What each path read: the event's time (2026-07-01T22:30Z, then
# 2026-11-23T10:30Z), local time in Warsaw (CEST in July, CET in November); a date without a
# zone given to Date.parse is read as UTC (duktape, ES5.1), whatever TZ says.
check "values read at the two events" \
  '[[1782945000000, "2026-07-01T22:30:00.000Z", "2026-07-02 00:30:00.000+02:00", "2026-07-02 00:30:00.000+02:00", 1782945000000, 1782945000000, 0, 4, -120, 1795428000000, 1782900000000, "Thu Jul  2 00:30:00 2026", "undefined", "undefined", "random: Math.random is not available (rules are deterministic)"], [1795429800000, "2026-11-23T10:30:00.000Z", "2026-11-23 11:30:00.000+01:00", "2026-11-23 11:30:00.000+01:00", 1795429800000, 1795429800000, 11, 1, -60, 1795428000000, 1782900000000, "Mon Nov 23 11:30:00 2026", "undefined", "undefined", "random: Math.random is not available (rules are deterministic)"]]' \
  "$first"
for zone in Pacific/Auckland America/New_York; do
  TZ=$zone "$KOOP" $db show "$id" --verify >verify.out 2>verify.err
  check "show --verify under TZ=$zone" 0 "$?"
  check "no difference reported under TZ=$zone" "" "$(cat verify.err)"
done
check "values unchanged by the replays" "$first" "$(TZ=Asia/Kolkata seen)"
exit $((failures > 0))
