#!/usr/bin/env bash
# with_smtp.sh CMD... — runs CMD with a real SMTP server on loopback (tests/cli/smtp_server.py:
# STARTTLS with a throw-away self-signed certificate, AUTH koop/KOOP_SMTP_PASSWORD) and
# KOOP_SCENARIO_SMTP set to its folder, for scenario files with an `smtp` line. Stops the server
# and removes the folder afterwards. Without aiosmtpd or openssl it fails (they are in deps.txt).
set -u
dir="$(mktemp -d)"
pid=""
cleanup() {
  [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  rm -rf "$dir"
}
trap cleanup EXIT
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost \
  -addext subjectAltName=DNS:localhost,IP:127.0.0.1 -keyout "$dir/key.pem" -out "$dir/cert.pem" \
  >/dev/null 2>&1 || { echo "FAIL: openssl could not make a certificate"; exit 1; }
export KOOP_SMTP_PASSWORD="sekret-$$"
/usr/bin/python3 "$(dirname "$0")/../cli/smtp_server.py" --cert "$dir/cert.pem" \
  --key "$dir/key.pem" --out "$dir" --user koop --password "$KOOP_SMTP_PASSWORD" &
pid=$!
for _ in $(seq 1 100); do [ -f "$dir/port" ] && break; sleep 0.1; done
[ -f "$dir/port" ] || { echo "FAIL: the SMTP server did not start"; exit 1; }
export KOOP_SCENARIO_SMTP="$dir"
"$@"
