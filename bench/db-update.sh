#!/usr/bin/env bash
# vigie db update from a loopback mirror of all of ../shared/data (python3 -m http.server, which
# sends Last-Modified and answers If-Modified-Since with 304): a full first run into a fresh
# database, then a second run where every feed is unchanged. Whole process, through the launcher.
# Usage: bench/db-update.sh [port]
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${1:-18717}
DATA=../shared/data
MIRROR=$(mktemp -d)
DB=$(mktemp -d)
for e in PyPI Go crates.io OSS-Fuzz AlmaLinux; do
  mkdir -p "$MIRROR/osv/$e" && cp "$DATA/osv/$e-all.zip" "$MIRROR/osv/$e/all.zip"
done
mkdir -p "$MIRROR/kev" "$MIRROR/epss"
cp "$DATA/cisa-kev/known_exploited_vulnerabilities.json" "$MIRROR/kev/"
gzip -c "$DATA/epss/epss_scores-2026-09-29-first534rows.csv" > "$MIRROR/epss/epss_scores-current.csv.gz"
python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$MIRROR" >/dev/null 2>&1 &
SERVER=$!
trap 'kill $SERVER; rm -rf "$MIRROR" "$DB"' EXIT
sleep 1
./vigie rules >/dev/null # build the jar first, outside the timing
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f "first run: %e s wall, %M KB peak RSS" ./vigie db update --mirror "http://127.0.0.1:$PORT/" --db "$DB" -q \
  --feeds osv:PyPI,osv:Go,osv:crates.io,osv:OSS-Fuzz,osv:AlmaLinux,kev,epss
/usr/bin/time -f "second run: %e s wall, %M KB peak RSS" ./vigie db update --mirror "http://127.0.0.1:$PORT/" --db "$DB" -q
