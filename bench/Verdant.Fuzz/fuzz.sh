#!/usr/bin/env bash
# Fuzzes one of Verdant's input parsers with afl-fuzz (Debian afl++) through SharpFuzz.
#   bench/Verdant.Fuzz/fuzz.sh TARGET [--seconds N] [--out DIR]     TARGET: scenario | series | idx
# Publishes the harness, instruments verdant.dll and Verdant.Core.dll with the sharpfuzz tool (dotnet-tools.json), runs
# afl-fuzz on the seed corpus bench/Verdant.Fuzz/seeds/TARGET for N seconds (default 600), then prints one summary line:
#   TARGET: N s, E executions, P paths, C crashes, H hangs (findings in DIR)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

target="${1:-}"
shift || true
case "$target" in
  scenario|series|idx) ;;
  *) echo "verdant fuzz: TARGET must be scenario, series or idx, got '${target}'" >&2; exit 2 ;;
esac
seconds=600
out="fuzz-out/$target"
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="${2:-}"; shift 2 ;;
    --out) out="${2:-}"; shift 2 ;;
    *) echo "verdant fuzz: unknown option '$1' (expected --seconds N or --out DIR)" >&2; exit 2 ;;
  esac
done
[[ "$seconds" =~ ^[1-9][0-9]*$ ]] || { echo "verdant fuzz: --seconds: must be a positive whole number, got '$seconds'" >&2; exit 2; }

if ! command -v afl-fuzz >/dev/null 2>&1; then
  echo "verdant fuzz: installing Debian package afl++" >&2
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq afl++ >&2
fi

dotnet tool restore >/dev/null
bin="$(mktemp -d /tmp/verdant-fuzz-bin.XXXXXX)"
trap 'rm -rf "$bin"' EXIT
dotnet publish bench/Verdant.Fuzz/Verdant.Fuzz.csproj -c Release -o "$bin" -nologo -v quiet -clp:ErrorsOnly >&2
for dll in verdant.dll Verdant.Core.dll; do
  dotnet sharpfuzz "$bin/$dll" >/dev/null
done

mkdir -p "$out"
# The harness runs in the managed runtime, not an afl-instrumented binary; SharpFuzz's fork server speaks afl's protocol.
# A 1 GiB managed heap turns an input that asks for gigabytes into an OutOfMemoryException, which afl records as a crash.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1
export DOTNET_GCHeapHardLimit=0x40000000 DOTNET_TieredPGO=0
timeout --signal=INT --kill-after=30 "$seconds" \
  afl-fuzz -i "bench/Verdant.Fuzz/seeds/$target" -o "$out" -t 5000 -m none -- dotnet "$bin/Verdant.Fuzz.dll" "$target" \
  > "$out/afl.log" 2>&1 || true

stats="$out/default/fuzzer_stats"
if [ ! -f "$stats" ]; then
  echo "verdant fuzz: afl-fuzz did not start; see $out/afl.log" >&2
  tail -n 20 "$out/afl.log" >&2
  exit 1
fi
field() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats"; }
crashes=$(find "$out/default/crashes" -type f -name 'id:*' | wc -l)
hangs=$(find "$out/default/hangs" -type f -name 'id:*' | wc -l)
echo "$target: $(field run_time) s, $(field execs_done) executions, $(field corpus_count) paths, $crashes crashes, $hangs hangs (findings in $out/default)"
