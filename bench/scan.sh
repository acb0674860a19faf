#!/usr/bin/env bash
# Whole-process benchmark of `vigie scan` on three generated CycloneDX 1.5 SBOMs of 10,000 components
# (below: one of made-up packages with 5 real ones, one of 5,551 real packages, the same real
# packages all at affected versions), in each output format, against a database holding
# all the data of ../shared/data, as a user's would: the six OSV sets, the KEV catalog, the EPSS
# sample and the CISA CSAF advisories. (Until session 6 it held the GHSA sample, PyPI and KEV only,
# which hid what the other ecosystems cost a scan.) Needs hyperfine and ../shared/data.
set -euo pipefail
cd "$(dirname "$0")/.."
data=../shared/data
command -v hyperfine >/dev/null || { echo "bench: hyperfine is needed (apt-get install hyperfine)" >&2; exit 2; }
./vigie rules >/dev/null
mkdir -p bench/out
python3 - > bench/out/sbom-10k.cdx.json <<'PY'
import json, random
r = random.Random(42)
known = [("maven", "org.apache.logging.log4j", "log4j-core", "2.14.1"), ("maven", "org.yaml", "snakeyaml", "1.23"),
         ("npm", None, "semver", "5.7.1"), ("pypi", None, "django", "3.2"), ("pypi", None, "requests", "2.19.0")]
comps = []
for i in range(10000):
    if i % 500 == 0:
        t, ns, n, v = known[(i // 500) % len(known)]
    else:
        t = r.choice(["maven", "npm", "pypi"])
        ns = "com.example.g%d" % r.randint(1, 300) if t == "maven" else None
        n, v = "lib%05d" % i, "%d.%d.%d" % (r.randint(0, 5), r.randint(0, 20), r.randint(0, 30))
    purl = "pkg:%s/%s%s@%s" % (t, (ns + "/") if ns else "", n, v)
    c = {"type": "library", "bom-ref": "c%05d" % i, "name": n, "version": v, "purl": purl}
    if ns:
        c["group"] = ns
    comps.append(c)
print(json.dumps({"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1, "components": comps}))
PY
# A second SBOM of 10,000 components whose packages are real: every name the AlmaLinux 9, Go, PyPI
# and crates.io records of the data name (5,551), as a container image and its applications would
# list them, then Maven and npm packages no record names up to 10,000. Each known package is at a
# version past every fix (999...), except one in twenty at 0.0.1, which every advisory of the
# package affects. (Until session 7 only the SBOM above was measured: its 5 known names of 10,000
# hid that looking up real packages cost 22 s.) A third, the worst case for the output: the same
# packages, every known one at 0.0.1 (about 100,000 findings; session 9 found the SARIF output
# took a minute on it).
real_sbom() { # $1: the share of known packages at 0.0.1
python3 - "$data/osv" "$1" <<'PY'
import json, random, sys, zipfile
r = random.Random(42)
share_old = float(sys.argv[2])
names = set()
for feed, ecosystems in (("AlmaLinux", {"AlmaLinux:9"}), ("Go", {"Go"}), ("PyPI", {"PyPI"}), ("crates.io", {"crates.io"})):
    with zipfile.ZipFile(f"{sys.argv[1]}/{feed}-all.zip") as z:
        for entry in (e for e in z.namelist() if e.endswith(".json")):
            for a in json.loads(z.read(entry)).get("affected", []):
                if a["package"]["ecosystem"] in ecosystems:
                    names.add((a["package"]["ecosystem"], a["package"]["name"]))
comps = []
for i, (ecosystem, name) in enumerate(sorted(names)):
    old = r.random() < share_old
    if ecosystem == "AlmaLinux:9":
        v = "0.0.1-1.el9" if old else "999.0-1.el9"
        purl = f"pkg:rpm/almalinux/{name}@{v}?arch=x86_64&distro=almalinux-9.4"
    elif ecosystem == "Go":
        v = "v0.0.1" if old else "v999.0.0"
        purl = f"pkg:golang/{name}@{v}"
    else:
        v = "0.0.1" if old else "999.0.0"
        purl = f"pkg:{'pypi' if ecosystem == 'PyPI' else 'cargo'}/{name.lower() if ecosystem == 'PyPI' else name}@{v}"
    comps.append({"type": "library", "bom-ref": f"k{i:05d}", "name": name.split("/")[-1], "version": v, "purl": purl})
for i in range(10000 - len(comps)):
    t = r.choice(["maven", "npm"])
    ns = "com.example.g%d" % r.randint(1, 300) if t == "maven" else None
    n, v = "lib%05d" % i, "%d.%d.%d" % (r.randint(0, 5), r.randint(0, 20), r.randint(0, 30))
    c = {"type": "library", "bom-ref": "c%05d" % i, "name": n, "version": v,
         "purl": "pkg:%s/%s%s@%s" % (t, (ns + "/") if ns else "", n, v)}
    if ns:
        c["group"] = ns
    comps.append(c)
r.shuffle(comps)
print(json.dumps({"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1, "components": comps}))
PY
}
real_sbom 0.05 > bench/out/sbom-real-10k.cdx.json
real_sbom 1 > bench/out/sbom-worst-10k.cdx.json
rm -rf bench/out/scan-db bench/out/scan-db.full
./vigie db import --db bench/out/scan-db -q \
  --osv "$data/osv/Go-all.zip" "$data/osv/PyPI-all.zip" "$data/osv/crates.io-all.zip" "$data/osv/OSS-Fuzz-all.zip" \
    "$data/osv/AlmaLinux-all.zip" "$data/osv/GHSA-sample" \
  --kev "$data/cisa-kev/known_exploited_vulnerabilities.json" \
  --epss "$data/epss/epss_scores-2026-09-29-first534rows.csv" \
  --csaf "$data/cisa-csaf/icsma" "$data/cisa-csaf/icsa-sample"
touch bench/out/scan-db.full # what bench/after-start.sh checks before reusing the database
hyperfine -i --warmup 1 --runs "${RUNS:-5}" --export-markdown bench/out/scan.md \
  -n 'scan 10,000 components (5 known names), json' './vigie scan --db bench/out/scan-db --sbom bench/out/sbom-10k.cdx.json --format json > /dev/null' \
  -n 'scan 10,000 components (5,551 real packages), json' './vigie scan --db bench/out/scan-db --sbom bench/out/sbom-real-10k.cdx.json --format json > /dev/null' \
  -n 'scan 10,000 components (5,551 real packages), sarif' './vigie scan --db bench/out/scan-db --sbom bench/out/sbom-real-10k.cdx.json --format sarif > /dev/null' \
  -n 'scan 10,000 components (5,551 real packages), cyclonedx-vex' './vigie scan --db bench/out/scan-db --sbom bench/out/sbom-real-10k.cdx.json --format cyclonedx-vex > /dev/null' \
  -n 'scan 10,000 components (5,551 real packages), table' './vigie scan --db bench/out/scan-db --sbom bench/out/sbom-real-10k.cdx.json > /dev/null' \
  -n 'scan 10,000 components (every known package affected), json' './vigie scan --db bench/out/scan-db --sbom bench/out/sbom-worst-10k.cdx.json --format json > /dev/null' \
  -n 'scan 10,000 components (every known package affected), sarif' './vigie scan --db bench/out/scan-db --sbom bench/out/sbom-worst-10k.cdx.json --format sarif > /dev/null'
./vigie scan --db bench/out/scan-db --sbom bench/out/sbom-10k.cdx.json | head -1
