#!/usr/bin/env bash
# Packs ServerlessSim, ServerlessSim.Plotting and the serverless-sim tool into ./artifacts, then uses them exactly as
# a user would: tests/ServerlessSim.PackageTests restores them from that folder feed, runs a scenario and draws the
# charts, and `dotnet tool install` installs the tool from it and runs it.
# Usage: eng/test-packages.sh [--no-build]   (--no-build: the solution is already built in Release)
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

build_flag=""
if [ "${1:-}" = "--no-build" ]; then build_flag="--no-build"; fi

rm -f artifacts/*.nupkg artifacts/*.snupkg
dotnet pack Simulation.sln -c Release $build_flag -nologo
version=$(dotnet msbuild src/ServerlessSim/ServerlessSim.csproj -getProperty:Version -nologo)
for id in ServerlessSim ServerlessSim.Plotting serverless-sim; do
  for extension in nupkg snupkg; do
    [ -s "artifacts/$id.$version.$extension" ] || { echo "dotnet pack did not write artifacts/$id.$version.$extension"; exit 1; }
  done
done
# What a package must carry: the licence expression, the readme, the API documentation, the commit it was built from.
for id in ServerlessSim ServerlessSim.Plotting; do
  nuspec=$(unzip -p "artifacts/$id.$version.nupkg" "$id.nuspec")
  grep -q '<license type="expression">MIT</license>' <<<"$nuspec" || { echo "$id: no MIT licence expression"; exit 1; }
  grep -q '<readme>README.md</readme>' <<<"$nuspec" || { echo "$id: no readme"; exit 1; }
  grep -q '<repository type="git"' <<<"$nuspec" || { echo "$id: no repository commit"; exit 1; }
  # Listings in variables: grep -q stopping early would break a pipe from unzip (pipefail).
  files=$(unzip -Z1 "artifacts/$id.$version.nupkg")
  symbols=$(unzip -Z1 "artifacts/$id.$version.snupkg")
  grep -qx "lib/net10.0/$id.xml" <<<"$files" || { echo "$id: no XML documentation"; exit 1; }
  grep -qx "lib/net10.0/$id.pdb" <<<"$symbols" || { echo "$id: no symbols"; exit 1; }
done

# A package folder of their own: a package of the same version packed earlier is never reused from a cache, and
# the machine's global cache is left alone. Dependencies are restored from the machine's usual source.
export NUGET_PACKAGES="$PWD/artifacts/nuget-packages"
rm -rf "$NUGET_PACKAGES/serverlesssim" "$NUGET_PACKAGES/serverlesssim.plotting" "$NUGET_PACKAGES/serverless-sim"

echo "consumer project: tests/ServerlessSim.PackageTests against ServerlessSim $version from ./artifacts"
dotnet test tests/ServerlessSim.PackageTests -p:ServerlessSimVersion="$version" -nologo

echo "dotnet tool install --tool-path <dir> --add-source ./artifacts serverless-sim"
tools=$(mktemp -d)
trap 'rm -rf "$tools"' EXIT
dotnet tool install --tool-path "$tools" --add-source ./artifacts --version "$version" serverless-sim
"$tools/serverless-sim" --version
"$tools/serverless-sim" init "$tools/scenario.json"
"$tools/serverless-sim" run "$tools/scenario.json" --replications 1 --quiet --out "$tools/out" > /dev/null
for f in report.md results.json latency-cdf.png cost.svg; do
  [ -s "$tools/out/$f" ] || { echo "the installed tool did not write $f"; exit 1; }
done
echo "packages OK: ServerlessSim, ServerlessSim.Plotting and serverless-sim $version"
