#!/usr/bin/env bash
# Fuzzes one parser with AFL++ through SharpFuzz: fuzz.sh TARGET [SECONDS]   (default 600 s)
#   TARGET: scenario, prices, part (sweep part files), azure2019, azure2021, csv; seeds in corpus/TARGET.
# Needs afl++ (Debian: apt-get install afl++); installs the sharpfuzz instrumenter into .tools/ if missing.
# Crashes land in findings/TARGET/default/crashes/, hangs (over 10 s) in .../hangs/: turn each into a catalogue case
# (tests/ServerlessSim.Tests/Robustness/) and fix it. Replay one input with:
#   dotnet bin/fuzz/ServerlessSim.Fuzz.dll TARGET < findings/TARGET/default/crashes/id:000000...
# The last lines printed (and findings/TARGET/summary.txt) give the executions, the time and the findings.
set -euo pipefail
cd "$(dirname "$0")"
target=${1:?usage: fuzz.sh TARGET [SECONDS]}
seconds=${2:-600}
tools=$PWD/.tools
out=$PWD/bin/fuzz
[ -x "$tools/sharpfuzz" ] || dotnet tool install --tool-path "$tools" SharpFuzz.CommandLine --version 2.3.0
command -v afl-fuzz >/dev/null || { echo "afl-fuzz not found: apt-get install afl++"; exit 2; }

# A fresh copy each time: the instrumenter refuses an assembly it has already instrumented.
rm -rf "$out"
dotnet publish -c Release -o "$out" --nologo -v quiet
"$tools/sharpfuzz" "$out/ServerlessSim.dll"

corpus=$PWD/corpus/$target
[ -d "$corpus" ] || { echo "no seed corpus in $corpus"; exit 2; }
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1
mkdir -p findings
afl-fuzz -i "$corpus" -o "findings/$target" -V "$seconds" -t 10000 -m none -- dotnet "$out/ServerlessSim.Fuzz.dll" "$target" || true

stats=findings/$target/default/fuzzer_stats
[ -f "$stats" ] || { echo "afl-fuzz wrote no statistics"; exit 1; }
value() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats"; }
summary="$target: $(value execs_done) executions in $(( $(value last_update) - $(value start_time) )) s ($(value execs_per_sec) per second), $(value corpus_count) inputs in the queue, $(value bitmap_cvg) of the map covered, $(value saved_crashes) crashes, $(value saved_hangs) hangs"
echo "$summary" | tee "findings/$target/summary.txt"
