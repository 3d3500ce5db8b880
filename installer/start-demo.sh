#!/usr/bin/env bash
# Starts the Practica GUI on a demo clinic, creating the clinic on first use and printing its logins.
# PRACTICA_DEMO_DB moves the demo database; PRACTICA_PASSWORD sets the demo admin password on creation.
# A local clearinghouse sandbox runs beside the app for the biller's claims.
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
bin="${PRACTICA_BIN:-$top/build/dev/bin}"
db="${PRACTICA_DEMO_DB:-${XDG_DATA_HOME:-$HOME/.local/share}/practica/demo/clinic.db}"
logins="$db.logins.txt"
mkdir -p "$(dirname "$db")"
if [ ! -e "$db" ]; then
    echo "Creating the demo clinic at $db ..."
    "$bin/practica-cli" demo --db "$db" --patients "${PRACTICA_DEMO_PATIENTS:-2000}" --seed 1 | tee "$logins"
else
    echo "Demo clinic: $db"
    [ -f "$logins" ] && cat "$logins"
fi
# The demo clinic's clearinghouse is a local sandbox (user riverbend): billers send claims to it and get
# its 999 and 277CA answers back. It stops with the app.
sandbox_pid=""
if [ -x "$bin/practica-sandbox" ]; then
    "$bin/practica-sandbox" --port 8484 --user riverbend --password sandbox-demo >/dev/null 2>&1 &
    sandbox_pid=$!
    echo "Clearinghouse sandbox on http://127.0.0.1:8484/core: the billing password is sandbox-demo"
fi
status=0
"$bin/practica" --db "$db" || status=$?
[ -n "$sandbox_pid" ] && kill "$sandbox_pid" 2>/dev/null || true
exit "$status"
