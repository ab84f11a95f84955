#!/usr/bin/env bash
# The README's "The server": its three commands run as written (between the readme-serve
# markers), in a fresh folder that sees the repository's workflows/, rules/, samples/ and
# doc-templates/ as the repository root does. Only the port of `--listen` is replaced by 0 (the
# system picks a free one: 8080 may be taken on a test machine). The administrator then signs in
# with the README's password, /api/v1/me names the account, and SIGTERM stops the server (0).
source "$(dirname "$0")/lib.sh"
for d in workflows rules samples doc-templates; do ln -s "$KOOP_SOURCE_DIR/$d" "$d"; done
sed -n '/<!-- readme-serve: begin -->/,/<!-- readme-serve: end -->/p' "$KOOP_SOURCE_DIR/README.md" |
  sed -n 's/^    \(.*koop .*\)$/\1/p' >commands.txt
check "README: three commands" 3 "$(wc -l <commands.txt | tr -d ' ')"
koop() { "$KOOP" "$@"; }
serve=""
while IFS= read -r line; do
  case "$line" in
    koop\ serve\ *) serve=${line//127.0.0.1:8080/127.0.0.1:0} ;;
    *) eval "$line" >/dev/null 2>err.txt || fail "README line '$line' failed: $(cat err.txt)" ;;
  esac
done <commands.txt
[ -n "$serve" ] || fail "README: no koop serve line"
# shellcheck disable=SC2086
set -- $serve
shift
"$KOOP" "$@" >serve.out 2>serve.err &
pid=$!
for _ in $(seq 100); do
  port=$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\).*|\1|p' serve.out)
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { kill "$pid"; fail "koop serve did not start: $(cat serve.err)"; }
password=$(sed -n "s/^printf '%s\\\\n' '\\(.*\\)' | koop user add.*/\\1/p" commands.txt)
check "README password found" "a long password" "$password"
code=$(curl -s -o signin.json -w '%{http_code}' -c cookies.txt -H 'Content-Type: application/json' \
  -d "{\"login\":\"admin\",\"password\":\"$password\"}" "http://127.0.0.1:$port/api/v1/session")
check "the README's administrator signs in" 201 "$code"
me=$(curl -s -b cookies.txt "http://127.0.0.1:$port/api/v1/me")
check "/api/v1/me: admin of sieradz" '"admin" "admin" "sieradz"' \
  "$(python3 -c 'import json,sys; m=json.load(sys.stdin); print(json.dumps(m["login"]), json.dumps(m["role"]), json.dumps(m["municipality"]))' <<<"$me")"
kill -TERM "$pid"
wait "$pid"
check "SIGTERM: exit 0" 0 "$?"
[ "$failures" -eq 0 ]
