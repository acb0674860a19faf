#!/usr/bin/env bash
# NVD import of a synthetic 50,000-record yearly feed (bench/gen_nvd.py, ~317 MB) into a fresh
# database, whole process under /usr/bin/time -v, with a 300 MB heap to show the read streams.
# Usage: bench/nvd-import.sh [RECORDS]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-50000}
FEED=$(mktemp -d)/nvdcve-2.0-synthetic.json
python3 bench/gen_nvd.py "$N" "$FEED"
ls -la "$FEED"
./vigie --help >/dev/null   # builds the jar if the sources changed
DB=$(mktemp -d)
/usr/bin/time -v java -Xmx300m -jar vigie-cli/target/vigie.jar db import --db "$DB" -q --nvd "$FEED" 2>&1 \
  | grep -E 'imported|Elapsed|Maximum resident|User time|System time|Percent of CPU'
du -sh "$DB"
rm -rf "$DB" "$(dirname "$FEED")"
