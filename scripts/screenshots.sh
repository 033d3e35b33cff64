#!/usr/bin/env bash
# Regenerates docs/screenshots/*.png: runs the browser tests (tests/Monitoring.BrowserTests) with MONITORING_SCREENSHOTS=1,
# so each test saves the pages it drives (Debian's chromium, CJK fonts: see .ci/run) into docs/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
bash scripts/dev-db.sh start
MONITORING_SCREENSHOTS=1 dotnet test tests/Monitoring.BrowserTests
ls -l docs/screenshots
