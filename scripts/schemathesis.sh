#!/usr/bin/env bash
# Fuzzes the running API against its own OpenAPI schema with every schemathesis check
# (response conformance included): a real `spinewise serve` on SQLite in a throwaway data
# folder, with a person, a saved programme and an API token to act with.
# SPINEWISE_FUZZ_EXAMPLES sets the examples per operation (default 60).
set -euo pipefail
cd "$(dirname "$0")/.."
data="$(mktemp -d -t spinewise-schemathesis-XXXXXX)"
port="$(.venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$data"
}
trap cleanup EXIT
env_vars=(env -u DATABASE_URL -u DJANGO_SETTINGS_MODULE SPINEWISE_DATA_DIR="$data"
  SPINEWISE_ENV=development SPINEWISE_WRITES_PER_HOUR=100000)

read -r token SPINEWISE_FUZZ_DAY SPINEWISE_FUZZ_WEEK \
  < <("${env_vars[@]}" .venv/bin/python scripts/schemathesis_setup.py)
export SPINEWISE_FUZZ_DAY SPINEWISE_FUZZ_WEEK
"${env_vars[@]}" .venv/bin/spinewise serve --port "$port" --workers 2 --no-migrate \
  >"$data/server.log" 2>&1 &
server=$!
for _ in $(seq 1 240); do
  if curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" 2>/dev/null; then break; fi
  sleep 0.5
done
echo "== schemathesis: every check against http://127.0.0.1:$port/api/v1/ =="
status=0
.venv/bin/schemathesis run "http://127.0.0.1:$port/api/v1/openapi.json" \
  --checks all \
  --header "Authorization: Bearer $token" \
  --max-examples "${SPINEWISE_FUZZ_EXAMPLES:-60}" \
  --workers 2 \
  --request-timeout 60 \
  --generation-database none \
  --seed "${SPINEWISE_FUZZ_SEED:-20261130}" \
  --no-color || status=$?
if grep -q "Traceback" "$data/server.log"; then
  echo "== the server logged an error ==" >&2
  cat "$data/server.log" >&2
  status=1
fi
exit "$status"
