#!/usr/bin/env bash
# Whole-process benchmark of `vigie analyze`, JVM start included: the two examples and a generated
# fleet platform of 1,000 components and 5,000 flows. Needs hyperfine (apt-get install hyperfine).
# Results: bench/out/analyze.md (copy the figures into bench/RESULTS.md with the date and machine).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "bench: hyperfine is needed (apt-get install hyperfine)" >&2; exit 2; }
./vigie rules >/dev/null                       # build the jar and its class-data archive once
mkdir -p bench/out
python3 bench/gen_model.py 1000 5000 > bench/out/large.yaml
# -i: the gate's exit code 1 is a result, not a failure.
hyperfine -i --warmup 1 --runs "${RUNS:-5}" --export-markdown bench/out/analyze.md \
  -n 'postop-followup (16 components)' './vigie analyze examples/postop-followup --out bench/out/po -q' \
  -n 'insulin-titration (12 components)' './vigie analyze examples/insulin-titration --out bench/out/it -q' \
  -n 'large: 1,000 components, 5,000 flows, json+md+html' './vigie analyze bench/out/large.yaml --out bench/out/large -q' \
  -n 'large: json only' './vigie analyze bench/out/large.yaml --out bench/out/large-json --format json -q' \
  -n 'large: validate only' './vigie validate bench/out/large.yaml'
ls -la bench/out/large
