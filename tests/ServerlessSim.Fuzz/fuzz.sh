#!/usr/bin/env bash
# Fuzzes one parser with AFL++ through SharpFuzz: fuzz.sh TARGET [SECONDS]   (TARGET: scenario, ...; default 600 s)
# Needs afl++ (Debian: apt-get install afl++); installs the sharpfuzz instrumenter into .tools/ if missing.
# Crashes land in findings/TARGET/default/crashes/: turn each into a catalogue case (docs/robustness.md).
set -euo pipefail
cd "$(dirname "$0")"
target=${1:?usage: fuzz.sh TARGET [SECONDS]}
seconds=${2:-600}
tools=$PWD/.tools
out=$PWD/bin/fuzz
[ -x "$tools/sharpfuzz" ] || dotnet tool install --tool-path "$tools" SharpFuzz.CommandLine --version 2.3.0
command -v afl-fuzz >/dev/null || { echo "afl-fuzz not found: apt-get install afl++"; exit 2; }

dotnet publish -c Release -o "$out" --nologo -v quiet
"$tools/sharpfuzz" "$out/ServerlessSim.dll"

corpus=$PWD/corpus/$target
[ -d "$corpus" ] || { echo "no seed corpus in $corpus"; exit 2; }
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1
mkdir -p findings
afl-fuzz -i "$corpus" -o "findings/$target" -V "$seconds" -t 10000 -m none -- dotnet "$out/ServerlessSim.Fuzz.dll" "$target"
