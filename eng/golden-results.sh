#!/usr/bin/env bash
# The results safety net: runs every docs example, the built-in compare (sync and --async), the K sweep and a trace
# replay, and checks that their text outputs are byte-identical to the committed golden
# copies in tests/golden/ (results.json in full, every CSV and report.md by SHA-256). CI runs it after the tests.
#   eng/golden-results.sh            check (exit 1 on a difference, naming each file; the full diff for results.json)
#   eng/golden-results.sh --update   rewrite tests/golden/ from this tree (say in the commit which numbers changed, and why)
# A replication count is fixed per case (2, or 1 for the long ones) so that the check stays a few minutes long; it
# still runs every code path of the example. billion-requests.json is left out (46 hours of traffic; the same model as
# steady-1000-busy.json). Every validate case is checked by .ci/run instead: docs/validation.csv holds each case's
# numbers at full precision, and CI regenerates and diffs it.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

mode=check
[ "${1:-}" = "--update" ] && mode=update
golden=tests/golden
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ "${GOLDEN_NO_BUILD:-}" != "1" ]; then
  dotnet build src/ServerlessSim.Cli -c Release --nologo -v q > /dev/null
fi
cli() { dotnet run --project src/ServerlessSim.Cli -c Release --no-build -- "$@" --quiet > /dev/null; }

cases=()
add() { cases+=("$1"); }

run_case() {
  local name=$1; shift
  local dir="$work/$name"
  cli "$@" --out "$dir"
  add "$name"
}

start=$SECONDS
run_case compare compare --replications 2
run_case compare-async compare --async --replications 1
for scenario in docs/examples/*.json; do
  base=$(basename "$scenario" .json)
  case "$base" in
    billion-requests) continue ;;
    sweep-k) run_case "sweep-$base" sweep "$scenario" ;;
    *) run_case "run-$base" run "$scenario" --replications 2 ;;
  esac
done
run_case replay-azure2019 replay azure2019 data/traces/azure-functions-2019/invitro-10fn-fullday --replications 1

# What is compared: every JSON, CSV and Markdown file (charts are pictures of these numbers, rendered by ScottPlot).
manifest="$work/SHA256SUMS"
(cd "$work" && find "${cases[@]}" -type f \( -name '*.json' -o -name '*.csv' -o -name '*.md' \) | LC_ALL=C sort \
  | xargs sha256sum) > "$manifest"

if [ "$mode" = update ]; then
  rm -rf "$golden"
  mkdir -p "$golden"
  cp "$manifest" "$golden/SHA256SUMS"
  for c in "${cases[@]}"; do
    for f in results.json sweep.json; do
      if [ -f "$work/$c/$f" ]; then mkdir -p "$golden/$c"; cp "$work/$c/$f" "$golden/$c/$f"; fi
    done
  done
  echo "golden results updated in $golden ($(wc -l < "$golden/SHA256SUMS") files, $((SECONDS - start)) s)"
  exit 0
fi

if diff -q "$golden/SHA256SUMS" "$manifest" > /dev/null; then
  echo "golden results: $(wc -l < "$manifest") files byte-identical ($((SECONDS - start)) s)"
  exit 0
fi
echo "golden results differ from $golden (run eng/golden-results.sh --update only for an intended change):"
diff "$golden/SHA256SUMS" "$manifest" | sed -n 's/^[<>] [0-9a-f]*  //p' | sort -u | sed 's/^/  /'
for c in "${cases[@]}"; do
  for f in results.json sweep.json; do
    if [ -f "$golden/$c/$f" ] && ! cmp -s "$golden/$c/$f" "$work/$c/$f"; then
      diff -u "$golden/$c/$f" "$work/$c/$f" | head -n 60 || true
    fi
  done
done
exit 1
