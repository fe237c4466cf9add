#!/usr/bin/env bash
# Designer checks: generated API types in sync, unit tests, production build, then the browser tests (headless
# Chromium) against a real silo serving web/dist. Needs Node 20+, the .NET 10 runtime, a prior
# `dotnet build -c Release`, and Debian's chromium (`apt-get install -y chromium`).
#
# Environment:
#   SILO_DLL         silo to start (default silo/Workflow.Silo/bin/Release/net10.0/Workflow.Silo.dll)
#   CHROMIUM_PATH    browser (default /usr/bin/chromium)
#   E2E_DEV_SERVER=1 serve the app with the vite dev server (proxying to the silo) instead of the silo itself
#   E2E_SPECS        only run spec files whose name contains one of these words (space separated)
#   SKIP_NPM_CI=1    reuse web/node_modules
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root/web"

if [ "${SKIP_NPM_CI:-}" != 1 ]; then
  npm ci --no-audit --no-fund
fi
npm run check:api
npm test
npm run build

export CHROMIUM_PATH=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ ! -x "$CHROMIUM_PATH" ]; then
  echo "web-test: no browser at $CHROMIUM_PATH (apt-get install -y chromium)" >&2
  exit 1
fi
silo_dll=${SILO_DLL:-$root/silo/Workflow.Silo/bin/Release/net10.0/Workflow.Silo.dll}
if [ ! -f "$silo_dll" ]; then
  echo "web-test: no silo at $silo_dll (run dotnet build -c Release first)" >&2
  exit 1
fi

free_port() { # below the ephemeral range, so no outgoing connection takes it between this check and the bind
  node -e 'const net=require("net");const t=(n)=>{const p=20000+Math.floor(Math.random()*12000);const s=net.createServer();s.once("error",()=>n>0?t(n-1):process.exit(1));s.listen(p,"127.0.0.1",()=>{console.log(p);s.close()})};t(200)'
}
wait_for() { # url, seconds, pid
  local url=$1 deadline=$((SECONDS + $2))
  until node -e 'fetch(process.argv[1]).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))' "$url"; do
    if ! kill -0 "$3" 2>/dev/null; then
      echo "web-test: process for $url exited" >&2
      return 1
    fi
    if [ $SECONDS -ge $deadline ]; then
      echo "web-test: $url not ready after $2 s" >&2
      return 1
    fi
    sleep 0.5
  done
}

work=$(mktemp -d)
silo_pid=""
vite_pid=""
cleanup() {
  local code=$?
  for pid in $vite_pid $silo_pid; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in $vite_pid $silo_pid; do
    wait "$pid" 2>/dev/null || true
  done
  if [ $code -ne 0 ] && [ -f "$work/silo.log" ]; then
    echo "---- last lines of the silo log ----" >&2
    tail -n 40 "$work/silo.log" >&2 || true
  fi
  rm -rf "$work"
  exit $code
}
trap cleanup EXIT INT TERM

port=$(free_port)
silo_port=$(free_port)
gateway_port=$(free_port)
export WORKFLOW_ADMIN_PASSWORD=${WORKFLOW_ADMIN_PASSWORD:-e2e-$RANDOM$RANDOM-pass}
export E2E_PASSWORD=$WORKFLOW_ADMIN_PASSWORD E2E_TENANT=default E2E_USERNAME=admin
(cd "$work" && exec dotnet "$silo_dll" --urls "http://127.0.0.1:$port" \
  --Workflow:DataDirectory="$work/data" \
  --Workflow:Designer:Path="$root/web/dist" \
  --Orleans:SiloPort="$silo_port" --Orleans:GatewayPort="$gateway_port" >"$work/silo.log" 2>&1) &
silo_pid=$!
wait_for "http://127.0.0.1:$port/health" 90 "$silo_pid"

if [ "${E2E_DEV_SERVER:-}" = 1 ]; then
  vite_port=$(free_port)
  WORKFLOW_SILO_URL="http://127.0.0.1:$port" node node_modules/vite/bin/vite.js --port "$vite_port" --strictPort --host 127.0.0.1 >"$work/vite.log" 2>&1 &
  vite_pid=$!
  wait_for "http://127.0.0.1:$vite_port/" 60 "$vite_pid"
  export BASE_URL="http://127.0.0.1:$vite_port"
else
  export BASE_URL="http://127.0.0.1:$port"
  wait_for "$BASE_URL/" 10 "$silo_pid" || {
    echo "web-test: the silo does not serve the designer at / (Workflow:Designer:Path); E2E_DEV_SERVER=1 uses vite instead" >&2
    exit 1
  }
fi

# shellcheck disable=SC2086
node e2e/run.mjs ${E2E_SPECS:-}
