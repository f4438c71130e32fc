#!/usr/bin/env bash
# Regenerates the generated sections of docs/robustness.md (the bad-input catalogue as the command reports each case,
# and the time-resolution table) by running the page's test in update mode. Review with: git diff docs/robustness.md
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
SERVERLESS_SIM_UPDATE_DOCS=1 dotnet test tests/ServerlessSim.Tests --filter "FullyQualifiedName~RobustnessPageTests" --nologo -v q
git --no-pager diff --stat -- docs/robustness.md
