#!/usr/bin/env bash
# Issue 3's aim as it is stated: "a scan of 10,000 components under 1 s after JVM start". Runs the
# launcher (its flags, its class-data archive) RUNS times on the bench SBOM and database of
# bench/scan.sh (all the data of ../shared/data), and reads both ends from the JVM's own clock, with no change to the program:
#   start = the uptime at which the JVM reports "Create VM" done (-Xlog:startuptime), just before
#           the launcher loads the main class;
#   end   = the uptime of the JVM's exit report (-Xlog:gc+heap+exit), after the output is written,
#           the database closed and the shutdown hooks run.
# Prints, per run and in summary, end - start (after JVM start) and the whole process's wall time.
#   RUNS=20 bench/after-start.sh            (default 10 runs)
#   SBOM=bench/out/sbom-real-10k.cdx.json bench/after-start.sh   (the SBOM of real packages)
set -euo pipefail
cd "$(dirname "$0")/.."
# The SBOM and the database of bench/scan.sh (all the data of ../shared/data), made once.
[ -f bench/out/sbom-10k.cdx.json ] && [ -f bench/out/sbom-real-10k.cdx.json ] && [ -f bench/out/scan-db.full ] \
  || RUNS=1 bench/scan.sh >/dev/null
./vigie rules >/dev/null # builds the jar and its archive first, outside the measurement
log=$(mktemp)
trap 'rm -f "$log"' EXIT
python3 - "${RUNS:-10}" "$log" <<'PY'
import os, re, statistics, subprocess, sys, time
runs, log = int(sys.argv[1]), sys.argv[2]
env = dict(os.environ, VIGIE_JAVA_OPTS=f"-Xlog:startuptime,gc+heap+exit=info:file={log}:uptime,tags")
cmd = ["./vigie", "scan", "--db", "bench/out/scan-db", "--sbom", os.environ.get("SBOM", "bench/out/sbom-10k.cdx.json"), "--format", "json"]
after, wall = [], []
for i in range(runs):
    t = time.monotonic()
    code = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL).returncode
    wall.append(time.monotonic() - t)
    text = open(log).read()
    start = re.search(r"^\[([\d.]+)s\]\[startuptime\s*\] Create VM", text, re.M)
    end = re.search(r"^\[([\d.]+)s\]\[gc,heap,exit\s*\]", text, re.M)
    if code not in (0, 1) or not start or not end:
        sys.exit(f"bench: run {i + 1} exited {code} or left no JVM timing in its log:\n{text[:2000]}")
    after.append(float(end.group(1)) - float(start.group(1)))
    print(f"run {i + 1:2d}: {after[-1]:.3f} s after JVM start, {wall[-1]:.3f} s wall", flush=True)
def show(name, v):
    sd = statistics.stdev(v) if len(v) > 1 else 0.0
    print(f"{name}: mean {statistics.mean(v):.3f} s ± {sd:.3f}, median {statistics.median(v):.3f}, "
          f"min {min(v):.3f}, max {max(v):.3f} (n={len(v)})")
show("after JVM start", after)
show("whole process  ", wall)
PY
