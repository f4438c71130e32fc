#!/usr/bin/env bash
# Regenerates PublicAPI.Unshipped.txt of every library project after its public API changed (or after a merge
# brought in API from another branch): adds what is public and undeclared (RS0016), removes what is declared and
# gone (RS0017). PublicAPI.Shipped.txt is left alone: moving lines there is the release step (CONTRIBUTING.md).
# Usage: eng/update-public-api.sh     then review `git diff -- '*PublicAPI*'`.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

undeclared() { # the RS0016/RS0017 diagnostics a build of $1 reports
  dotnet build "$1" --no-restore -nologo -clp:NoSummary 2>&1 | grep -E 'error RS001[67]' | sort -u || true
}

# Dependencies first: the folder src/ServerlessSim sorts before src/ServerlessSim.Plotting in the C locale.
for dir in $(find src -name PublicAPI.Unshipped.txt -printf '%h\n' | LC_ALL=C sort); do
  unshipped="$dir/PublicAPI.Unshipped.txt"
  project=$(find "$dir" -maxdepth 1 -name '*.csproj' | head -n 1)
  dotnet restore "$project" -nologo -v q
  # The code fix resolves one diagnostic per symbol location a pass (a record's synthesized members share one),
  # so it runs until the build reports nothing undeclared.
  for pass in 1 2 3 4 5 6; do
    remaining=$(undeclared "$project")
    [ -z "$remaining" ] && break
    echo "$project: pass $pass, $(wc -l <<<"$remaining") undeclared or removed symbols"
    dotnet format analyzers "$project" --diagnostics RS0016 RS0017 --severity warn --no-restore >/dev/null
  done
  remaining=$(undeclared "$project")
  if [ -n "$remaining" ]; then
    echo "$remaining"
    echo "$project: the public API files could not be brought up to date; see the diagnostics above" >&2
    exit 1
  fi
  # The header first, then the lines sorted: two branches' additions then merge line by line.
  { echo '#nullable enable'; grep -v -e '^#nullable enable$' -e '^$' "$unshipped" | LC_ALL=C sort -u; } > "$unshipped.sorted"
  mv "$unshipped.sorted" "$unshipped"
  echo "$project: public API files up to date"
done
