#!/usr/bin/env bash
# Whole-process benchmark of `vigie scan --cpe sbom`: an SBOM of COMPONENTS components that have a
# CPE and no package URL (firmware, operating systems, C libraries), against a synthetic NVD feed of
# RECORDS records of a real yearly feed's shape (bench/gen_nvd.py: vendors vendor0..2999, products
# product0..5, every 7th record "running on" the Linux kernel). Session 9 found 10,000 such components
# did not finish in 11 minutes (each criterion met every CPE of the SBOM).
#   bench/cpe-scan.sh [COMPONENTS] [RECORDS]     (default 10000 50000; hyperfine, RUNS=3)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "bench: hyperfine is needed (apt-get install hyperfine)" >&2; exit 2; }
COMPONENTS=${1:-10000}
RECORDS=${2:-50000}
./vigie rules >/dev/null
mkdir -p bench/out
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 bench/gen_nvd.py "$RECORDS" "$work/nvd.json"
rm -rf bench/out/cpe-db
/usr/bin/time -f "import: %e s, peak %M KB" ./vigie db import --db bench/out/cpe-db -q --nvd "$work/nvd.json"
python3 - "$COMPONENTS" > bench/out/sbom-cpe.cdx.json <<'PY'
import json, random, sys
r = random.Random(7)
comps = []
for i in range(int(sys.argv[1])):
    v, p = f"vendor{r.randint(0, 2999)}", f"product{r.randint(0, 5)}"
    ver = f"{r.randint(0, 6)}.{r.randint(0, 9)}.{r.randint(0, 20)}"
    comps.append({"type": "library", "bom-ref": f"c{i:05d}", "name": p, "version": ver,
                  "cpe": f"cpe:2.3:a:{v}:{p}:{ver}:*:*:*:*:*:*:*"})
print(json.dumps({"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1, "components": comps}))
PY
/usr/bin/time -f "one scan: %e s, peak %M KB" ./vigie scan --db bench/out/cpe-db --sbom bench/out/sbom-cpe.cdx.json \
  --cpe sbom --format json --max-age-days 9999 > /dev/null || true # exit 1: the gate fails
hyperfine -i --warmup 1 --runs "${RUNS:-3}" --export-markdown bench/out/cpe-scan.md \
  -n "scan --cpe sbom, $COMPONENTS CPE components, $RECORDS NVD records" \
  "./vigie scan --db bench/out/cpe-db --sbom bench/out/sbom-cpe.cdx.json --cpe sbom --format json --max-age-days 9999 > /dev/null"
