#!/usr/bin/env python3
"""Writes the bad-input corpus's scenario and series files (scenarios/, series/) and series-template.yaml.

Each file is a valid input with one defect. cases.tsv (written by hand, reviewed) says how each is run and what the
program must answer. Re-running this script rewrites the generated files identically; fuzz-*.yaml are afl-fuzz
findings and are kept as found.
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))

BASE = """name: corpus
seed: 7
start: 2026-06-01T00:00:00Z
sites:
  - name: paris
    lat: 48.86
    lon: 2.35
    units: 2
    hardware: gpu-a100
    pue: 1.3
    solar_kwp: 3
    country: FR
  - { name: oslo, lat: 59.9, lon: 10.7, units: 2, hardware: gpu-h100, wind_kw: 2, country: NO, battery: { capacity_kwh: 10, charge_kw: 3, discharge_kw: 3, efficiency: 0.9 } }
model:
  kind: mlp
  hidden: [16]
partition:
  kind: dirichlet
  alpha: 1.0
topology:
  kind: ring
training:
  learning_rate: 0.1
  momentum: 0.9
  batch_size: 8
  local_steps: 1
workload:
  flops_per_step: 1.0e12
  message_bytes: 1.0e6
network:
  kwh_per_gb: 0.006
  bandwidth_gbps: 1
policy:
  name: greenest-k
  k: 2
  epoch_minutes: 60
stop:
  rounds: 5
  target_accuracy: 0.5
  deadline_hours: 24
evaluation:
  every_node_rounds: 5
"""


def rep(old, new, text=BASE):
    assert old in text, old
    return text.replace(old, new, 1)


SCENARIOS = {
    "valid": BASE,
    "empty": "",
    "only-comment": "# nothing here\n",
    "top-level-list": "- name: a\n- name: b\n",
    "top-level-scalar": "just some words\n",
    "tab-indent": rep("  hidden: [16]\n", "\thidden: [16]\n"),
    "unclosed-flow": rep("  hidden: [16]\n", "  hidden: [16\n"),
    "unclosed-quote": rep("name: corpus\n", 'name: "corpus\n'),
    "duplicate-key": rep("seed: 7\n", "seed: 7\nseed: 8\n"),
    "bad-indent": rep("    lat: 48.86\n", "   lat: 48.86\n"),
    "unknown-top-key": rep("seed: 7\n", "seed: 7\nsead: 8\n"),
    "unknown-site-key": rep("    pue: 1.3\n", "    pue: 1.3\n    pues: 1.2\n"),
    "seed-negative": rep("seed: 7\n", "seed: -1\n"),
    "seed-text": rep("seed: 7\n", "seed: seven\n"),
    "seed-huge": rep("seed: 7\n", "seed: 99999999999\n"),
    "start-not-time": rep("start: 2026-06-01T00:00:00Z\n", "start: tomorrow\n"),
    "start-not-whole-hour": rep("start: 2026-06-01T00:00:00Z\n", "start: 2026-06-01T00:30:00Z\n"),
    "start-year-9999": rep("start: 2026-06-01T00:00:00Z\n", "start: 9999-12-31T00:00:00Z\n"),
    "start-near-end-of-time": rep("start: 2026-06-01T00:00:00Z\n", "start: 9999-12-20T00:00:00Z\n"),
    "sites-missing": rep("""sites:
  - name: paris
    lat: 48.86
    lon: 2.35
    units: 2
    hardware: gpu-a100
    pue: 1.3
    solar_kwp: 3
    country: FR
  - { name: oslo, lat: 59.9, lon: 10.7, units: 2, hardware: gpu-h100, wind_kw: 2, country: NO, battery: { capacity_kwh: 10, charge_kw: 3, discharge_kw: 3, efficiency: 0.9 } }
""", ""),
    "sites-not-list": rep("sites:\n", "sites: paris\nxsites:\n"),
    "site-scalar": rep("  - name: paris\n", "  - paris\n  - name: paris\n"),
    "site-no-name": rep("  - name: paris\n", "  - lat: 1\n    lon: 1\n    hardware: gpu-a100\n  - name: paris\n"),
    "site-duplicate-name": rep("{ name: oslo,", "{ name: paris,"),
    "lat-out-of-range": rep("    lat: 48.86\n", "    lat: 91\n"),
    "lon-out-of-range": rep("    lon: 2.35\n", "    lon: -181\n"),
    "lat-missing": rep("    lat: 48.86\n", ""),
    "lat-text": rep("    lat: 48.86\n", "    lat: north\n"),
    "lat-nan": rep("    lat: 48.86\n", "    lat: .nan\n"),
    "lat-infinite": rep("    lat: 48.86\n", "    lat: .inf\n"),
    "units-negative": rep("    units: 2\n", "    units: -2\n"),
    "units-text": rep("    units: 2\n", "    units: two\n"),
    "units-fraction": rep("    units: 2\n", "    units: 2.5\n"),
    "units-overflow": rep("    units: 2\n", "    units: 99999999999\n"),
    "units-10000": rep("    units: 2\n", "    units: 10000\n").replace("  kind: ring\n", "  kind: complete\n"),
    "units-fleet-too-large": rep("    units: 2\n", "    units: 60000\n").replace("units: 2, hardware: gpu-h100", "units: 60000, hardware: gpu-h100"),
    "units-all-zero": rep("    units: 2\n", "    units: 0\n").replace("units: 2, hardware: gpu-h100", "units: 0, hardware: gpu-h100"),
    "hardware-unknown": rep("    hardware: gpu-a100\n", "    hardware: gpu-a1000\n"),
    "hardware-missing": rep("    hardware: gpu-a100\n", ""),
    "hardware-list": rep("    hardware: gpu-a100\n", "    hardware: [gpu-a100]\n"),
    "pue-below-one": rep("    pue: 1.3\n", "    pue: 0.9\n"),
    "pue-huge": rep("    pue: 1.3\n", "    pue: 50\n"),
    "solar-negative": rep("    solar_kwp: 3\n", "    solar_kwp: -3\n"),
    "country-unknown": rep("    country: FR\n", "    country: XX\n"),
    "country-uk": rep("    country: FR\n", "    country: UK\n"),
    "battery-efficiency": rep("efficiency: 0.9 }", "efficiency: 1.5 }"),
    "battery-negative-capacity": rep("capacity_kwh: 10,", "capacity_kwh: -10,"),
    "battery-unknown-key": rep("efficiency: 0.9 }", "efficiency: 0.9, chemistry: li }"),
    "battery-scalar": rep("battery: { capacity_kwh: 10, charge_kw: 3, discharge_kw: 3, efficiency: 0.9 }", "battery: big"),
    "model-missing": rep("model:\n  kind: mlp\n  hidden: [16]\n", ""),
    "model-kind-unknown": rep("  kind: mlp\n", "  kind: transformer\n"),
    "model-hidden-zero": rep("  hidden: [16]\n", "  hidden: [0]\n"),
    "model-hidden-text": rep("  hidden: [16]\n", "  hidden: [wide]\n"),
    "model-hidden-scalar": rep("  hidden: [16]\n", "  hidden: 16x\n"),
    "partition-unknown": rep("  kind: dirichlet\n", "  kind: random\n"),
    "partition-alpha-zero": rep("  alpha: 1.0\n", "  alpha: 0\n"),
    "topology-unknown": rep("  kind: ring\n", "  kind: hexagon\n"),
    "topology-k-zero": rep("  kind: ring\n", "  kind: k-nearest\n  k: 0\n"),
    "topology-p-above-one": rep("  kind: ring\n", "  kind: erdos-renyi\n  p: 1.5\n"),
    "training-missing": rep("""training:
  learning_rate: 0.1
  momentum: 0.9
  batch_size: 8
  local_steps: 1
""", ""),
    "learning-rate-zero": rep("  learning_rate: 0.1\n", "  learning_rate: 0\n"),
    "learning-rate-negative": rep("  learning_rate: 0.1\n", "  learning_rate: -0.1\n"),
    "learning-rate-text": rep("  learning_rate: 0.1\n", "  learning_rate: fast\n"),
    "momentum-one": rep("  momentum: 0.9\n", "  momentum: 1\n"),
    "batch-size-zero": rep("  batch_size: 8\n", "  batch_size: 0\n"),
    "local-steps-zero": rep("  local_steps: 1\n", "  local_steps: 0\n"),
    "round-deadline-unknown": rep("  local_steps: 1\n", "  local_steps: 1\n  round_deadline: sometimes\n"),
    "workload-missing": rep("workload:\n  flops_per_step: 1.0e12\n  message_bytes: 1.0e6\n", ""),
    "flops-zero": rep("  flops_per_step: 1.0e12\n", "  flops_per_step: 0\n"),
    "message-bytes-negative": rep("  message_bytes: 1.0e6\n", "  message_bytes: -1\n"),
    "network-bandwidth-zero": rep("  bandwidth_gbps: 1\n", "  bandwidth_gbps: 0\n"),
    "network-unknown-key": rep("  bandwidth_gbps: 1\n", "  bandwidth_gbps: 1\n  latency: 5\n"),
    "policy-unknown": rep("  name: greenest-k\n", "  name: greenest\n"),
    "policy-k-zero": rep("  k: 2\n", "  k: 0\n"),
    "policy-epoch-zero": rep("  epoch_minutes: 60\n", "  epoch_minutes: 0\n"),
    "policy-inactive-unknown": rep("  epoch_minutes: 60\n", "  epoch_minutes: 60\n  inactive: asleep\n"),
    "stop-missing": rep("stop:\n  rounds: 5\n  target_accuracy: 0.5\n  deadline_hours: 24\n", ""),
    "stop-rounds-zero": rep("  rounds: 5\n", "  rounds: 0\n"),
    "stop-target-above-one": rep("  target_accuracy: 0.5\n", "  target_accuracy: 1.5\n"),
    "stop-deadline-zero": rep("  deadline_hours: 24\n", "  deadline_hours: 0\n"),
    "stop-deadline-ten-years": rep("  deadline_hours: 24\n", "  deadline_hours: 87600\n"),
    "evaluation-zero": rep("  every_node_rounds: 5\n", "  every_node_rounds: 0\n"),
    "data-dir-missing": rep("seed: 7\n", "seed: 7\ndata:\n  dir: no-such-folder\n"),
    "data-unknown-key": rep("seed: 7\n", "seed: 7\ndata:\n  folder: x\n"),
    "forecast-unknown-key": rep("seed: 7\n", "seed: 7\nforecast:\n  horizon: 3\n"),
    "series-file-missing": rep("    country: FR\n", "    country: FR\n    series:\n      grid: { file: nowhere.csv }\n"),
    "series-file-dev-zero": rep("    country: FR\n", "    country: FR\n    series:\n      grid: { file: /dev/zero }\n"),
    "series-file-directory": rep("    country: FR\n", "    country: FR\n    series:\n      grid: { file: /tmp }\n"),
    "series-unknown-slot": rep("    country: FR\n", "    country: FR\n    series:\n      hydro: { file: x.csv }\n"),
    "series-no-file": rep("    country: FR\n", "    country: FR\n    series:\n      grid: { layout: generic }\n"),
    "series-layout-unknown": rep("    country: FR\n", "    country: FR\n    series:\n      grid: { file: x.csv, layout: excel }\n"),
    "series-unit-unknown": rep("    country: FR\n", "    country: FR\n    series:\n      grid: { file: x.csv, unit: kg }\n"),
    "series-repeat-unknown": rep("    country: FR\n", "    country: FR\n    series:\n      grid: { file: x.csv, repeat: monthly }\n"),
    "series-time-origin-bad": rep("    country: FR\n", "    country: FR\n    series:\n      solar: { file: x.csv, layout: vessim-solar, time_origin: later }\n"),
    "series-max-gap-negative": rep("    country: FR\n", "    country: FR\n    series:\n      grid: { file: x.csv, max_gap_hours: -1 }\n"),
    "binary-nul": "name: x\x00\x01\x02\nseed: 1\n",
    "anchor-unknown": rep("seed: 7\n", "seed: *nowhere\n"),
}

SERIES_TEMPLATE = rep("    country: FR\n", "    country: FR\n    series:\n      @SERIES@\n")


def hours(n, value=lambda h: 100 + h, start_day=1, fmt="2026-06-{d:02d}T{h:02d}:00:00Z", header="time,value"):
    rows = [header]
    for i in range(n):
        rows.append(fmt.format(d=start_day + i // 24, h=i % 24) + "," + str(value(i)))
    return "\n".join(rows) + "\n"


def edit(text, line, new):
    lines = text.split("\n")
    lines[line] = new
    return "\n".join(lines)


GOOD = hours(80)
SERIES = {
    "empty.csv": "",
    "header-only.csv": "time,value\n",
    "blank-header.csv": ",\n2026-06-01T00:00:00Z,1\n",
    "one-row.csv": "time,value\n2026-06-01T00:00:00Z,100\n",
    "no-such-column.csv": GOOD.replace("time,value", "when,amount"),
    "bad-timestamp.csv": edit(GOOD, 5, "yesterday,104"),
    "bad-number.csv": edit(GOOD, 6, "2026-06-01T05:00:00Z,lots"),
    "empty-value.csv": edit(GOOD, 7, "2026-06-01T06:00:00Z,"),
    "negative-value.csv": edit(GOOD, 8, "2026-06-01T07:00:00Z,-5"),
    "huge-value.csv": edit(GOOD, 8, "2026-06-01T07:00:00Z,1e308"),
    "infinite-value.csv": edit(GOOD, 8, "2026-06-01T07:00:00Z,Infinity"),
    "nan-value.csv": edit(GOOD, 8, "2026-06-01T07:00:00Z,NaN"),
    "short-row.csv": edit(GOOD, 9, "2026-06-01T08:00:00Z"),
    "duplicate-timestamp.csv": edit(GOOD, 10, "2026-06-01T08:00:00Z,1"),
    "unordered.csv": edit(GOOD, 10, "2026-05-31T08:00:00Z,1"),
    "long-gap.csv": "\n".join(l for i, l in enumerate(GOOD.split("\n")) if not 10 <= i <= 20) ,
    "too-short.csv": hours(10),
    "starts-late.csv": hours(80, start_day=2),
    "unclosed-quote.csv": edit(GOOD, 4, '"2026-06-01T03:00:00Z,103'),
    "random-bytes.csv": bytes((i * 97 + 13) % 256 for i in range(3000)),
    "binary-header.csv": b"\x00\x01\x1b[31mtime\x07,value\n" + GOOD.split("\n", 1)[1].encode(),
    "huge-line.csv": "time,value\n" + "9" * (2 * 1024 * 1024) + "\n",
    "semicolons.csv": GOOD.replace(",", ";"),
    "one-column.csv": "\n".join(l.split(",")[0] for l in GOOD.split("\n")),
    "electricity-maps-wrong-unit.csv": hours(80, header="Datetime (UTC),Carbon intensity gCO2eq/kWh (direct)", fmt="2026-06-{d:02d} {h:02d}:00:00"),
    "wind-for-grid.csv": hours(80, header="time_utc,wind_speed_100m_ms"),
    "irradiance-for-grid.csv": hours(80, header="period_start,ghi"),
    "watttime-no-unit.csv": hours(80, header="point_time,value"),
    "seconds-negative.csv": "time,Berlin\n0,0\n-300,1\n",
    "timestamp-year-0.csv": edit(GOOD, 3, "0000-01-01T00:00:00Z,1"),
    "timestamp-year-10000.csv": edit(GOOD, 60, "10000-01-01T00:00:00Z,1"),
    "daily-repeat-no-full-day.csv": hours(20),
    "ends-after-year-9999.csv": "time,value\n9999-12-31T21:00:00Z,1\n9999-12-31T22:00:00Z,2\n9999-12-31T23:00:00Z,3\n",
    "monthly-rows.csv": "time,value\n2026-01-01T00:00:00Z,1\n2026-03-01T00:00:00Z,2\n2026-05-01T00:00:00Z,3\n2026-07-01T00:00:00Z,3\n",
    "marginal-zone-missing-zone.csv": hours(80, header="time,Other_Zone", fmt="2026-06-{d:02d} {h:02d}:00:00"),
}


def main():
    os.makedirs(os.path.join(HERE, "scenarios"), exist_ok=True)
    os.makedirs(os.path.join(HERE, "series"), exist_ok=True)
    for name, text in SCENARIOS.items():
        with open(os.path.join(HERE, "scenarios", name + ".yaml"), "w", newline="\n") as f:
            f.write(text)
    with open(os.path.join(HERE, "series-template.yaml"), "w", newline="\n") as f:
        f.write(SERIES_TEMPLATE)
    for name, content in SERIES.items():
        data = content if isinstance(content, bytes) else content.encode()
        with open(os.path.join(HERE, "series", name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
