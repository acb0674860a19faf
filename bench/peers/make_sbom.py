#!/usr/bin/env python3
"""Writes a CycloneDX 1.4 JSON SBOM of real PyPI, Go and crates.io packages taken from OSV archives.

Each component is a (package, version) that an OSV record names: a version it lists as affected,
a range bound (introduced, last_affected) or a fixed version, so the SBOM holds both vulnerable
and just-fixed components, and both scanners have findings to agree or disagree on. Seeded: the
same archives and arguments give the same file. CycloneDX 1.4 because Trivy reads no later spec.

usage: make_sbom.py [--per-ecosystem N] [--seed S] [--go-v-prefix] OSV.zip... > sbom.cdx.json
"""
import argparse
import json
import random
import sys
import zipfile

PURL_TYPES = {"PyPI": "pypi", "Go": "golang", "crates.io": "cargo"}


def candidates(paths):
    seen = {}
    for path in paths:
        with zipfile.ZipFile(path) as z:
            for name in sorted(z.namelist()):
                if not name.endswith(".json"):
                    continue
                record = json.loads(z.read(name))
                if record.get("withdrawn"):
                    continue
                for affected in record.get("affected", []):
                    eco = affected.get("package", {}).get("ecosystem")
                    pkg = affected.get("package", {}).get("name")
                    if eco not in PURL_TYPES or not pkg:
                        continue
                    versions = list(affected.get("versions", []))
                    for r in affected.get("ranges", []):
                        if r.get("type") == "GIT":
                            continue
                        for e in r.get("events", []):
                            for k in ("introduced", "last_affected", "fixed"):
                                v = e.get(k)
                                if v and v != "0":
                                    versions.append(v)
                    for v in versions:
                        seen.setdefault(eco, set()).add((pkg, v))
    return seen


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--per-ecosystem", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--go-v-prefix", action="store_true",
                    help="write Go versions as Go modules do (v1.2.3) instead of as OSV does (1.2.3)")
    ap.add_argument("osv", nargs="+")
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    components = []
    for eco, pairs in sorted(candidates(args.osv).items()):
        pairs = sorted(pairs)
        chosen = sorted(rnd.sample(pairs, min(args.per_ecosystem, len(pairs))))
        for pkg, version in chosen:
            t = PURL_TYPES[eco]
            if t == "golang" and args.go_v_prefix and not version.startswith("v"):
                version = "v" + version
            name = pkg.lower().replace("_", "-") if t == "pypi" else pkg
            components.append({
                "type": "library",
                "bom-ref": "c%05d" % len(components),
                "name": pkg,
                "version": version,
                "purl": "pkg:%s/%s@%s" % (t, name, version),
            })
    bom = {
        "bomFormat": "CycloneDX",
        "specVersion": "1.4",
        "serialNumber": "urn:uuid:7d4c5f0e-0000-4000-8000-%012d" % args.seed,
        "version": 1,
        "metadata": {"component": {"type": "application", "bom-ref": "root", "name": "osv-packages",
                                   "version": "1"}},
        "components": components,
    }
    json.dump(bom, sys.stdout, indent=1)
    sys.stdout.write("\n")
    print("make_sbom: %d components" % len(components), file=sys.stderr)


if __name__ == "__main__":
    main()
