#!/usr/bin/env bash
# Whole-process benchmark of the VEX carry-over a maker relies on: every finding of one release
# triaged once (here: the 8,376 findings of bench/scan.sh's SBOM of real packages, recorded as
# not affected for the product line), then the next release scanned, the decisions listed and
# exported. Session 9 found each of these walking every statement per finding or per statement
# (a scan twice as long, a list of a minute). Uses bench/scan.sh's database (made if missing),
# on a copy. Needs hyperfine and ../shared/data.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "bench: hyperfine is needed (apt-get install hyperfine)" >&2; exit 2; }
[ -f bench/out/sbom-real-10k.cdx.json ] && [ -f bench/out/scan-db.full ] || RUNS=1 bench/scan.sh >/dev/null
./vigie rules >/dev/null
rm -rf bench/out/vex-db
cp -r bench/out/scan-db bench/out/vex-db
./vigie scan --db bench/out/vex-db --sbom bench/out/sbom-real-10k.cdx.json --format cyclonedx-vex \
  --product PumpOS --release 1.0 > bench/out/vex-triaged.cdx.json || true # exit 1: the gate fails
python3 - bench/out/vex-triaged.cdx.json <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
for v in doc["vulnerabilities"]:
    v["analysis"] = {"state": "not_affected", "justification": "code_not_reachable",
                     "detail": "bench/vex.sh: every finding of release 1.0 triaged at once"}
json.dump(doc, open(sys.argv[1], "w"))
print(f"bench: {len(doc['vulnerabilities'])} statements to import", file=sys.stderr)
PY
./vigie vex import bench/out/vex-triaged.cdx.json --db bench/out/vex-db --scope product-line --product PumpOS \
  --release 1.0 --by bench
hyperfine --warmup 1 --runs "${RUNS:-5}" --export-markdown bench/out/vex.md \
  -n 'scan of release 2.0 (10,000 components, 8,376 findings, as many carried decisions), json' \
  './vigie scan --db bench/out/vex-db --sbom bench/out/sbom-real-10k.cdx.json --format json --product PumpOS --release 2.0 > /dev/null' \
  -n 'vex list (8,376 statements)' './vigie vex list --db bench/out/vex-db > /dev/null' \
  -n 'vex export, openvex' './vigie vex export --db bench/out/vex-db --product PumpOS --release 2.0 --format openvex > /dev/null'
