#!/usr/bin/env bash
# Starts the Practica GUI on a demo clinic, creating the clinic on first use and printing its logins.
# PRACTICA_DEMO_DB moves the demo database; PRACTICA_PASSWORD sets the demo admin password on creation.
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
exec "$bin/practica" --db "$db"
