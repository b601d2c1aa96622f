#!/usr/bin/env bash
# Scores article extraction on the dev half of ../shared/eval-data/extraction (real pages, hand-made bodies) with
# the given parallax binary and fails when it falls below issue 14's targets: body F1 >= .975, precision >= .96,
# and no page refused. Usage: bash tests/extraction-bench/gate.sh PATH/TO/parallax
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DATA="${EVAL_DATA:-$ROOT/../shared/eval-data}/extraction"
BIN=$(realpath "$1")
out=$(cd "$DATA" && bash score.sh "$BIN")
echo "$out"
python3 - "$out" <<'PY'
import re, sys
out = sys.argv[1]
refused = int(re.search(r"refused by import: (\d+)", out).group(1))
row = next(l for l in out.splitlines() if l.startswith("PARALLAX"))
f1, p = (float(x) for x in re.findall(r"(\d\.\d+) ±", row)[:2])
ok = f1 >= 0.975 and p >= 0.96 and refused == 0
print(f"gate extraction: F1={f1:.3f} (min 0.975) P={p:.3f} (min 0.96) refused={refused} (max 0) "
      + ("ok" if ok else "BELOW TARGET"))
sys.exit(0 if ok else 1)
PY
