#!/usr/bin/env bash
# Executes every notebook in docs/notebooks headless, as CI does: Jupyter's nbconvert with the .NET Interactive C#
# kernel, failing on the first cell error. The notebooks restore ServerlessSim from ./artifacts, so pack first
# (eng/test-packages.sh does). Executed copies go to artifacts/notebooks; the committed notebooks stay output-free.
# Installs what is missing: Jupyter's nbconvert (apt, as root or with sudo) and dotnet-interactive (a local tool
# folder, artifacts/tools). Usage: eng/run-notebooks.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if ! command -v jupyter >/dev/null || ! jupyter nbconvert --version >/dev/null 2>&1; then
  echo "installing jupyter nbconvert (apt)"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "jupyter nbconvert is missing and installing it needs root or sudo"; exit 1; }
    sudo="sudo"
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq jupyter-nbconvert python3-nbconvert jupyter-client python3-nbclient >/dev/null
fi

tools="$PWD/artifacts/tools"
if [ ! -x "$tools/dotnet-interactive" ]; then
  dotnet tool install --tool-path "$tools" Microsoft.dotnet-interactive
fi
export PATH="$tools:$PATH"
# The kernel specs go to the user's Jupyter folder; installing again only refreshes them.
dotnet-interactive jupyter install >/dev/null

version=$(dotnet msbuild src/ServerlessSim/ServerlessSim.csproj -getProperty:Version -nologo)
[ -s "artifacts/ServerlessSim.$version.nupkg" ] || { echo "artifacts/ServerlessSim.$version.nupkg is missing: run dotnet pack -c Release first"; exit 1; }
# The same package folder as eng/test-packages.sh, without any copy of these packages restored from an earlier pack.
export NUGET_PACKAGES="$PWD/artifacts/nuget-packages"
rm -rf "$NUGET_PACKAGES/serverlesssim" "$NUGET_PACKAGES/serverlesssim.plotting"

mkdir -p artifacts/notebooks
for notebook in docs/notebooks/*.ipynb; do
  echo "executing $notebook"
  started=$(date +%s)
  executed="artifacts/notebooks/$(basename "$notebook")"
  log="artifacts/notebooks/$(basename "$notebook" .ipynb).log"
  rm -f "$executed"
  set +e
  jupyter nbconvert --to notebook --execute "$notebook" --output-dir artifacts/notebooks \
    --ExecutePreprocessor.timeout=900 --ExecutePreprocessor.kernel_name=.net-csharp > "$log" 2>&1
  status=$?
  set -e
  if [ "$status" -ne 0 ] || [ ! -s "$executed" ]; then
    # nbconvert stops at the first failing cell and prints it with the error; the kernel's own log lines are noise.
    grep -v -e 'Microsoft.Hosting.Lifetime' -e '^      ' "$log" | tail -n 40
    echo "$notebook failed (exit code $status); the full log is $log"
    exit 1
  fi
  python3 - "$executed" <<'PY'
import json, sys
cells = json.load(open(sys.argv[1]))["cells"]
errors = [o for c in cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
images = sum(str(o.get("data", {})).count("data:image/png;base64") for c in cells for o in c.get("outputs", []))
if errors:
    sys.exit(f"{sys.argv[1]}: {len(errors)} cell error(s): {errors[0].get('evalue')}")
if images == 0:
    sys.exit(f"{sys.argv[1]}: no chart was displayed")
print(f"{sys.argv[1]}: {len(cells)} cells, no error, {images} chart(s) displayed")
PY
  echo "  $(( $(date +%s) - started )) s"
done
