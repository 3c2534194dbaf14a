#!/usr/bin/env bash
# The end-to-end check of docs/cluster.md, "Coordinator restart": three silo processes on loopback, a coordinator
# killed with SIGKILL once ROUNDS rounds are logged, a second coordinator resuming the run with --resume; then the
# simulator on the same scenario and seed, and the comparison of every output file.
# Usage: docs/cluster-resume.sh [OUT] [ROUNDS]     (silo ports from VERDANT_RESUME_PORT, default 23111..23113)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-runs/cluster-resume}
rounds=${2:-60}
port=${VERDANT_RESUME_PORT:-23111}
scenario=scenarios/cluster-small.yaml
./verdant --version >/dev/null # builds once; the processes below skip the build
export VERDANT_NO_BUILD=1
rm -rf "$out"
mkdir -p "$out"
silos=()
trap 'kill "${silos[@]}" 2>/dev/null || true' EXIT
i=0
for site in madrid stockholm warsaw; do
  ./verdant cluster silo --site "$site" --scenario "$scenario" --port $((port + i)) --primary-port "$port" \
    --checkpoint-dir "$out/checkpoints" \
    >"$out/silo-$site.log" 2>&1 &
  silos+=($!)
  i=$((i + 1))
done

./verdant cluster run "$scenario" --primary-port "$port" --out "$out/cluster" >"$out/first.log" 2>&1 &
coordinator=$!
log="$out/cluster/coordinator.jsonl"
until [ -f "$log" ] && [ "$(wc -l <"$log")" -gt "$rounds" ]; do
  kill -0 "$coordinator" 2>/dev/null || { echo "the coordinator ended before round $rounds" >&2; exit 1; }
  sleep 0.2
done
kill -9 "$coordinator"
wait "$coordinator" 2>/dev/null || true
echo "coordinator killed with $(($(wc -l <"$log") - 1)) rounds logged"

./verdant cluster run "$scenario" --primary-port "$port" --out "$out/cluster" --resume >"$out/resume.log" 2>&1
echo "resumed run finished: $(grep -c '"kind":"round"' "$out/cluster/coordinator.jsonl") rounds, log $(stat -c %s "$out/cluster/coordinator.jsonl") bytes"
./verdant run "$scenario" --out "$out/simulator" >"$out/simulator.log" 2>&1
for f in rounds.csv energy.csv decisions.csv activity.csv sites.json; do
  cmp "$out/simulator/$f" "$out/cluster/$f" && echo "$f: byte-identical to the simulator's"
done
diff <(grep -v -e '"mode"' -e '"wall_seconds"' "$out/simulator/summary.json") \
  <(grep -v -e '"mode"' -e '"wall_seconds"' "$out/cluster/summary.json") \
  && echo "summary.json: equal to the simulator's but for mode and wall_seconds"
