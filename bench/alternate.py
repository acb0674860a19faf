#!/usr/bin/env python3
"""Compare whole-process commands by running them in turn, N rounds: A B C, A B C, ...

Why alternate: on a shared 2-core VM the host's load drifts by tens of percent within minutes, so
two builds timed one after the other (hyperfine's way) can differ by more than the change being
measured. Taking them in turn spreads the drift over all of them. Two identical builds differ by
about 0.05 s this way here (bench/RESULTS.md, session 4): that is the resolution.

Prints, per command: wall time and the process's user + system CPU (getrusage of the child), as
mean ± standard deviation, median and minimum. CPU time moves less with the host's load than wall
time does, so it shows whether a change removed work even when the wall times overlap.

    N=10 python3 bench/alternate.py './vigie scan --sbom bench/out/sbom-10k.cdx.json --db bench/out/scan-db' \
        'java -jar old.jar scan --sbom bench/out/sbom-10k.cdx.json --db bench/out/scan-db'

Each command runs through the shell, output discarded; a failing command is timed like the others
(a gate failure exits 1 on purpose), so check the commands by hand first.
"""
import os
import resource
import statistics
import subprocess
import sys
import time


def main(commands, rounds):
    wall = {c: [] for c in commands}
    cpu = {c: [] for c in commands}
    for _ in range(rounds):
        for c in commands:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.monotonic()
            subprocess.run(c, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            wall[c].append(time.monotonic() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[c].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    for c in commands:
        w, u = wall[c], cpu[c]
        print(f"wall {statistics.mean(w):.3f} s ± {statistics.stdev(w):.3f} (median {statistics.median(w):.3f},"
              f" min {min(w):.3f}) | cpu {statistics.mean(u):.3f} s ± {statistics.stdev(u):.3f}"
              f" (min {min(u):.3f}) | {c}")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: N=rounds bench/alternate.py COMMAND [COMMAND...]")
    n = int(os.environ.get("N", "8"))
    if n < 2:
        sys.exit("bench/alternate.py: N must be at least 2 (a standard deviation needs two runs)")
    main(sys.argv[1:], n)
