#!/usr/bin/env bash
# Regression: readers that opened whatever a path named. `koop validate`, `calendar --rules`,
# `scxml trace`, `remind --templates`, `user add --password-file` (and the loaders behind
# `start`) read with std::ifstream: a FIFO blocked the command for ever, /dev/zero was read until
# memory ran out, a folder gave "cannot open" or an empty text. Now every reader goes through
# FileEnv::ReadFile: only a regular file within the reader's size limit is read; otherwise 66
# (not a regular file, missing) or 65 (too large), naming the file, and nothing else is done.
. "$(dirname "$0")/lib.sh"

mkfifo pipe
mkdir folder
printf '<scxml xmlns="http://www.w3.org/2005/07/scxml" version="1.0" initial="a">%s</scxml>\n' \
  '<state id="a"/>' >chart.scxml

# run NAME EXIT MESSAGE CMD...: the command ends (no hang) with EXIT and prints MESSAGE.
run() {
  local name="$1" code="$2" message="$3"
  shift 3
  timeout 30 "$@" >out.txt 2>err.txt
  check "$name: exit" "$code" $?
  check "$name: message" "$message" "$(cat err.txt out.txt)"
}

# --- Class: the input is a FIFO (blocked for ever) --------------------------------------------
run "validate fifo" 66 "pipe: not a regular file (a FIFO)" "$KOOP" validate pipe
run "calendar rules fifo" 66 "koop: pipe: not a regular file (a FIFO)" \
  "$KOOP" calendar holidays --rules pipe 2027
run "scxml trace fifo" 66 "koop: pipe: not a regular file (a FIFO)" \
  "$KOOP" scxml trace chart.scxml pipe
run "password file fifo" 66 "koop: pipe: not a regular file (a FIFO)" \
  "$KOOP" --db sqlite:accounts.db user add jan --role admin --municipality x --password-file pipe
mkdir tpl && mkfifo tpl/due.txt
"$KOOP" --db sqlite:r.db init >/dev/null || fail "init"
run "reminder template fifo" 66 "koop: tpl/due.txt: not a regular file (a FIFO)" \
  "$KOOP" --db sqlite:r.db remind --templates tpl --dry-run --now 2027-01-04T08:00

# --- Class: the input is a device that never ends ---------------------------------------------
run "validate device" 66 "/dev/zero: not a regular file (a character device)" \
  "$KOOP" validate /dev/zero
run "calendar rules device" 66 "koop: /dev/zero: not a regular file (a character device)" \
  "$KOOP" calendar holidays --rules /dev/zero 2027
run "password file device" 66 "koop: /dev/zero: not a regular file (a character device)" \
  "$KOOP" --db sqlite:accounts.db user add jan --role admin --municipality x \
  --password-file /dev/zero

# --- Class: the input is a folder or missing --------------------------------------------------
run "validate folder" 66 "folder: not a regular file (a folder)" "$KOOP" validate folder
run "validate missing" 66 "nosuch.scxml: no such file" "$KOOP" validate nosuch.scxml
run "scxml trace folder" 66 "koop: folder: not a regular file (a folder)" \
  "$KOOP" scxml trace chart.scxml folder

# --- Class: the input is larger than its reader's limit ---------------------------------------
head -c 5000 /dev/zero | tr '\0' 'x' >long-password
run "password file too large" 65 "koop: long-password: larger than 4096 bytes" \
  "$KOOP" --db sqlite:accounts.db user add jan --role admin --municipality x \
  --password-file long-password
head -c 1100000 /dev/zero | tr '\0' '#' >big-rules.txt
run "calendar rules too large" 65 "koop: big-rules.txt: larger than 1048576 bytes" \
  "$KOOP" calendar holidays --rules big-rules.txt 2027
check "no account was created" "" "$("$KOOP" --db sqlite:accounts.db user list 2>/dev/null)"

# A regular file is still read (the readers work).
printf 'tajne-haslo-1\n' >password
"$KOOP" --db sqlite:accounts.db user add jan --role admin --municipality x \
  --password-file password >/dev/null 2>err.txt
check "password file read" "0" "$?"

exit $((failures > 0))
