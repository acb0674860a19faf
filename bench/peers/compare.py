#!/usr/bin/env python3
"""Compares the findings of `vigie scan --format json` and `trivy sbom --format json --list-all-pkgs`
on the same CycloneDX SBOM, with the same OSV archives behind both.

A finding is a pair (component, vulnerability). Components are matched through their bom-ref
(Trivy's PkgRef, Vigie's component). Vulnerability IDs are resolved through the OSV archives'
aliases: every ID and alias of one record, and records sharing an ID, form one group, so
CVE-2021-1, GHSA-x and PYSEC-y count as one vulnerability. Each pair found by one tool only is
put in a category that says why, checked against what each tool read:
  - the component is absent from Trivy's package list (e.g. type framework);
  - Vigie listed the component under notChecked, with its reason;
  - the component's version has a shape one side handles differently (Go
    pseudo-version, a version that another range of the advisory marks fixed, capitals in a
    Go module path, a PyPI advisory listing a version PEP 440 rejects);
  - otherwise "version comparison": both read the component and disagree on this advisory;
    the OSV ranges are printed for the first examples.

usage: compare.py SBOM VIGIE.json TRIVY.json OSV.zip|DIR... > report.md   (summary JSON on stderr)
"""
import collections
import json
import os
import sys
import zipfile

try:  # to name why Trivy drops a PyPI advisory; optional
    from packaging.version import InvalidVersion, Version
except ImportError:  # pragma: no cover
    Version = None


def records(paths):
    for path in paths:
        if os.path.isdir(path):
            for name in sorted(os.listdir(path)):
                if name.endswith(".json"):
                    with open(os.path.join(path, name)) as f:
                        yield json.load(f)
        else:
            with zipfile.ZipFile(path) as z:
                for name in z.namelist():
                    if name.endswith(".json"):
                        yield json.loads(z.read(name))


def odd_versions(affected):
    """Listed PyPI versions that PEP 440 rejects (e.g. 2.0.0-final, 0.7.1.fix1)."""
    if Version is None or affected.get("package", {}).get("ecosystem") != "PyPI":
        return []
    odd = []
    for v in affected.get("versions", []):
        try:
            Version(v)
        except InvalidVersion:
            odd.append(v)
    return odd


class Groups:
    """Union-find over vulnerability IDs."""

    def __init__(self):
        self.parent = {}

    def find(self, x):
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, ids):
        ids = list(ids)
        for other in ids[1:]:
            a, b = self.find(ids[0]), self.find(other)
            if a != b:
                self.parent[max(a, b)] = min(a, b)


def walk(components):
    for c in components or []:
        yield c
        yield from walk(c.get("components"))


def main():
    sbom_path, vigie_path, trivy_path, osv = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    groups = Groups()
    ranges = collections.defaultdict(list)  # (group, package name lower) -> affected ranges
    for r in records(osv):
        groups.union([r["id"]] + r.get("aliases", []))
    for r in records(osv):
        g = groups.find(r["id"])
        for a in r.get("affected", []):
            ranges[(g, a.get("package", {}).get("name", "").lower())].append(
                {"record": r["id"], "ranges": [x for x in a.get("ranges", []) if x.get("type") != "GIT"],
                 "versions": len(a.get("versions", [])), "odd": odd_versions(a)})

    with open(sbom_path) as f:
        sbom = json.load(f)
    components = {c.get("bom-ref"): c for c in walk(sbom.get("components"))}
    try:
        with open(vigie_path) as f:
            vigie = json.load(f)
    except ValueError:  # Vigie refused the SBOM: say so, with its first error line
        with open(vigie_path + ".err") as f:
            errors = [x.strip() for x in f if x.strip()]
        vigie = {"vulnerabilities": [], "notChecked": []}
        print("**Vigie refused this SBOM** (%d lines of errors; exit 2): `%s`\n" % (
            len(errors), errors[0][:300] if errors else "no message"))
    with open(trivy_path) as f:
        trivy = json.load(f)

    vigie_pairs, vigie_raw = set(), 0
    for v in vigie.get("vulnerabilities", []):
        vigie_raw += 1
        ids = v.get("ids") or [v["id"]]
        groups.union(ids)
        vigie_pairs.add((v["component"], tuple(ids)))
    vigie_pairs = {(c, groups.find(ids[0])) for c, ids in vigie_pairs}
    not_checked = {x["component"]: x.get("reason", "") for x in vigie.get("notChecked", [])}

    trivy_pairs, trivy_raw, trivy_read = set(), 0, set()
    for res in trivy.get("Results") or []:
        for p in res.get("Packages") or []:
            trivy_read.add(p.get("Ref"))
        for v in res.get("Vulnerabilities") or []:
            trivy_raw += 1
            trivy_pairs.add((v.get("PkgRef"), groups.find(v["VulnerabilityID"])))
    trivy_hit = {c for c, _ in trivy_pairs}
    trivy_purl_pairs = {(components.get(c, {}).get("purl"), g) for c, g in trivy_pairs}
    vigie_hit = {c for c, _ in vigie_pairs}

    def fixed_versions(g, name):
        return {e.get("fixed") for x in ranges.get((g, name), []) for r in x["ranges"] for e in r.get("events", [])
                if e.get("fixed")}

    def category(ref, g, only):
        c = components.get(ref, {})
        version, name, purl = c.get("version", ""), c.get("name", ""), c.get("purl", "")
        if only == "vigie":
            if ref not in trivy_read:
                return "Trivy did not read the component (type %s)" % c.get("type")
            if (purl, g) in trivy_purl_pairs:
                return "the same package URL sits at several places in the SBOM: Trivy reports it once"
            if "-" in version and purl.startswith("pkg:golang/"):
                return ("Go pseudo-version or pre-release (0.0.0-2021…): Trivy's \">=0\" for \"introduced 0\" "
                        "leaves it out")
            if version in fixed_versions(g, name.lower()):
                return "version fixed in another range of the same advisory: Trivy counts it safe"
            odd = [v for x in ranges.get((g, name.lower()), []) for v in x["odd"]]
            if odd:
                return "the advisory lists a version PEP 440 rejects (e.g. 2.0.0-final): Trivy drops the advisory"
            if ref not in trivy_hit:
                return "Trivy found nothing on the component"
        else:
            if ref in not_checked:
                return "Vigie did not check the component: " + not_checked[ref].replace(version or "\0", "V")
            if purl.startswith("pkg:golang/") and name != name.lower():
                return "Go module path with capitals: Vigie finds nothing on it"
            if ref not in vigie_hit:
                return "Vigie found nothing on the component"
        return "version comparison"

    both = vigie_pairs & trivy_pairs
    diffs = collections.defaultdict(list)
    for only, pairs in (("vigie", vigie_pairs - trivy_pairs), ("trivy", trivy_pairs - vigie_pairs)):
        for ref, g in sorted(pairs, key=lambda p: (p[0] or "", p[1])):
            diffs[(only, category(ref, g, only))].append((ref, g))

    def eco(ref):
        purl = components.get(ref, {}).get("purl", "pkg:?/")
        return purl[4:].split("/")[0]

    out = []
    out.append("| | Vigie | Trivy |")
    out.append("| --- | --- | --- |")
    out.append("| findings as printed | %d | %d |" % (vigie_raw, trivy_raw))
    out.append("| (component, vulnerability) pairs, aliases resolved | %d | %d |" % (len(vigie_pairs), len(trivy_pairs)))
    out.append("| components with at least one finding | %d | %d |" % (len(vigie_hit), len(trivy_hit)))
    out.append("| components not read / not checked | %d | %d |" % (
        len(not_checked), len([r for r in components if r not in trivy_read and r != "root"])))
    out.append("")
    union = vigie_pairs | trivy_pairs
    out.append("Pairs found by both: %d of %d (%.2f %%)." % (len(both), len(union), 100.0 * len(both) / max(1, len(union))))
    out.append("")
    out.append("Per ecosystem (pairs: both / Vigie only / Trivy only):")
    out.append("")
    per = collections.defaultdict(lambda: [0, 0, 0])
    for ref, _ in both:
        per[eco(ref)][0] += 1
    for ref, _ in vigie_pairs - trivy_pairs:
        per[eco(ref)][1] += 1
    for ref, _ in trivy_pairs - vigie_pairs:
        per[eco(ref)][2] += 1
    for e in sorted(per):
        out.append("- %s: %d / %d / %d" % (e, *per[e]))
    out.append("")
    if diffs:
        out.append("| found only by | why | pairs | components | example |")
        out.append("| --- | --- | --- | --- | --- |")
        for (only, why), pairs in sorted(diffs.items(), key=lambda kv: -len(kv[1])):
            ref, g = pairs[0]
            c = components.get(ref, {})
            out.append("| %s | %s | %d | %d | %s %s |" % (only, why, len(pairs), len({r for r, _ in pairs}),
                                                       c.get("purl"), g))
        out.append("")
        out.append("Examples of version-comparison disagreements (the OSV data behind each):")
        out.append("")
        for (only, why), pairs in sorted(diffs.items()):
            if why != "version comparison" and not why.endswith("nothing on the component"):
                continue
            for ref, g in pairs[:8]:
                c = components.get(ref, {})
                name = c.get("name", "").lower()
                data = ranges.get((g, name)) or [x for (gg, n), xs in ranges.items() if gg == g for x in xs][:2]
                out.append("- only %s: `%s` %s: %s" % (only, c.get("purl"), g, json.dumps(data)[:400]))
    print("\n".join(out))
    json.dump({"vigie_findings": vigie_raw, "trivy_findings": trivy_raw, "vigie_pairs": len(vigie_pairs),
               "trivy_pairs": len(trivy_pairs), "both": len(both), "union": len(union),
               "differences": {"%s: %s" % k: len(v) for k, v in diffs.items()}}, sys.stderr)
    sys.stderr.write("\n")


if __name__ == "__main__":
    main()
