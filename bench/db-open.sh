#!/usr/bin/env bash
# Opening an up-to-date vulnerability database, whole process (a JVM per run, as a `vigie scan`):
# before (Flyway's migrate on every open) and after (the history table read, Flyway only when
# behind). Same JVM flags as the ./vigie launcher (C1 only, serial GC), without its CDS archive.
# Reports wall time (hyperfine) and, as the machine is shared, instructions and CPU time (perf stat).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "bench: hyperfine is needed (apt-get install hyperfine)" >&2; exit 2; }
./mvnw -q -o test-compile -pl vigie-store -am
./mvnw -q -o dependency:build-classpath -pl vigie-store -Dmdep.outputFile=target/vulndb-cp.txt -Dmdep.includeScope=test
CP="vigie-store/target/test-classes:vigie-store/target/classes:vigie-formats/target/classes:vigie-core/target/classes:$(cat vigie-store/target/vulndb-cp.txt)"
DB=$(mktemp -d)
trap 'rm -rf "$DB"' EXIT
JAVA=(java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$CP" io.vigie.store.vuln.OpenDatabase)
"${JAVA[@]}" fast "$DB" >/dev/null   # creates and migrates it
mkdir -p bench/out
hyperfine -N --warmup 2 --runs "${RUNS:-15}" --export-markdown bench/out/db-open.md \
  -n 'open, Flyway migrate every time (before)' "${JAVA[*]} flyway $DB" \
  -n 'open, history table read (after)' "${JAVA[*]} fast $DB"
for mode in flyway fast; do
  echo "== $mode"
  perf stat -r "${RUNS:-15}" -e instructions:u,task-clock "${JAVA[@]}" "$mode" "$DB" 2>&1 >/dev/null \
    | grep -E 'instructions|task-clock|elapsed'
  for i in 1 2 3; do "${JAVA[@]}" "$mode" "$DB"; done
done
echo "== where the CPU of an open goes"
for i in 1 2 3; do "${JAVA[@]}" phases "$DB"; done
