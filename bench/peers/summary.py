#!/usr/bin/env python3
"""Gathers bench/out/peer/ (hyperfine.json, machine.txt, compare-*.md) into one Markdown summary."""
import glob
import json
import os
import platform
import sys

out = sys.argv[1]
lines = ["# Vigie and Trivy side by side", ""]
with open(os.path.join(out, "machine.txt")) as f:
    lines += ["- " + x.strip() for x in f if x.strip()]
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
mem = next((l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal")), "0")
lines.append("- machine: %d cores (%s), %.0f GiB, %s" % (os.cpu_count(), cpu, int(mem) / 2**20, platform.platform()))
lines.append("")
with open(os.path.join(out, "hyperfine.json")) as f:
    results = {r["command"]: r for r in json.load(f)["results"]}
lines.append("| tool | wall mean ± σ | min … max | CPU (user + sys) | runs |")
lines.append("| --- | --- | --- | --- | --- |")
for name in ("vigie", "trivy"):
    r = results[name]
    lines.append("| %s | %.2f s ± %.2f | %.2f … %.2f | %.2f s | %d |" % (
        name, r["mean"], r["stddev"] or 0, r["min"], r["max"], r["user"] + r["system"], len(r["times"])))
v, t = results["vigie"], results["trivy"]
lines.append("")
lines.append("Ratio Trivy / Vigie: wall %.2f, CPU %.2f." % (t["mean"] / v["mean"], (t["user"] + t["system"]) / (v["user"] + v["system"])))
lines.append("")
for path in sorted(glob.glob(os.path.join(out, "compare-*.md"))):
    lines.append("## " + os.path.basename(path)[len("compare-"):-3])
    lines.append("")
    with open(path) as f:
        lines.append(f.read().rstrip())
    lines.append("")
print("\n".join(lines))
