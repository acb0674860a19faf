#!/usr/bin/env bash
# Whole-process benchmark of `vigie diff` between two git revisions of a 1,000-component model
# where 10,000 files changed (every component's code, and one flow of the model). Builds the
# repository under bench/out/diff-repo (with git) the first time. Needs hyperfine and git.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "bench: hyperfine is needed (apt-get install hyperfine)" >&2; exit 2; }
./vigie rules >/dev/null
repo=bench/out/diff-repo
if [ ! -d "$repo/.git" ]; then
  mkdir -p "$repo"
  python3 bench/gen_model.py 1000 5000 > "$repo/vigie.yaml"
  python3 - "$repo" <<'PY'
import os, sys
root = sys.argv[1]
for i in range(10000):
    d = os.path.join(root, "services", "c%05d" % (i % 1000), "src")
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "File%05d.java" % i), "w") as f:
        f.write("class File%05d { int version = 1; }\n" % i)
PY
  git -C "$repo" init -q -b main
  git -C "$repo" -c user.name=bench -c user.email=bench@localhost add -A
  git -C "$repo" -c user.name=bench -c user.email=bench@localhost commit -qm base
  git -C "$repo" tag base
  find "$repo/services" -name '*.java' -exec sed -i 's/version = 1/version = 2/' {} +
  sed -i '0,/encryption: transport/s//encryption: none/' "$repo/vigie.yaml"
  git -C "$repo" -c user.name=bench -c user.email=bench@localhost commit -qam "change every file"
  git -C "$repo" tag head
fi
# Packed, as a clone is (a CI checkout never reads thousands of loose objects).
if [ "$(git -C "$repo" count-objects | cut -d' ' -f1)" -gt 0 ]; then
  git -C "$repo" gc -q
fi
echo "changed files: $(git -C "$repo" diff --name-only base head | wc -l)"
hyperfine -i --warmup 1 --runs "${RUNS:-5}" --export-markdown bench/out/diff.md \
  -n 'diff base..head (10,000 files, 1,000 components), json' "./vigie diff base head --repo $repo --format json > /dev/null" \
  -n 'diff base..head, markdown' "./vigie diff base head --repo $repo > /dev/null"
