#!/usr/bin/env bash
# Runs the whole test suite on a fresh Debian machine with the .NET 10 SDK and Node 20.
# Installs what the tests need, builds once in Release (the silo's build also builds the designer in web/),
# runs every .NET test project, then the designer's unit and browser tests, and prints a closing summary.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

bash scripts/install-deps.sh

dotnet build Workflow.sln -c Release -warnaserror -nologo -v q

log=$(mktemp)
status=0
dotnet test Workflow.sln -c Release --no-build --nologo 2>&1 | tee "$log" || status=$?

passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "Tests (.NET): $passed passed, $failed failed, $skipped skipped"

web_status=0
if [ -f scripts/web-test.sh ]; then
  bash scripts/web-test.sh || web_status=$?
  echo "Designer tests: $([ "$web_status" -eq 0 ] && echo passed || echo FAILED)"
fi

echo "Tests: $passed passed, $failed failed, $skipped skipped (.NET); designer tests $([ "$web_status" -eq 0 ] && echo passed || echo failed)"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ] || [ "$web_status" -ne 0 ]; then
  exit 1
fi
