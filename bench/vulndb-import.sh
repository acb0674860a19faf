#!/usr/bin/env bash
# Full OSV import into a fresh vulnerability database, whole process, under /usr/bin/time -v
# (elapsed time and peak memory). Usage: bench/vulndb-import.sh [--read-only]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q test-compile -pl vigie-store -am
./mvnw -q dependency:build-classpath -pl vigie-store -Dmdep.outputFile=target/vulndb-cp.txt -Dmdep.includeScope=test
mkdir -p target
CP="vigie-store/target/test-classes:vigie-store/target/classes:vigie-formats/target/classes:vigie-core/target/classes:$(cat vigie-store/target/vulndb-cp.txt)"
DATA=../shared/data/osv
DB=$(mktemp -d)
if [[ "${1:-}" == "--read-only" ]]; then DB_ARG=--read-only; else DB_ARG=$DB; fi
/usr/bin/time -v java -cp "$CP" io.vigie.store.vuln.FullOsvImport "$DB_ARG" \
  $DATA/Go-all.zip $DATA/PyPI-all.zip $DATA/crates.io-all.zip $DATA/OSS-Fuzz-all.zip \
  $DATA/AlmaLinux-all.zip $DATA/GHSA-sample 2>&1 | grep -v '^OSV .*: [0-9]* records$'
du -sh "$DB"
rm -rf "$DB"
