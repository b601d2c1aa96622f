#!/usr/bin/env bash
# Builds the CLI in release and prints the scorer's output for the engine on the dev alignment data
# (../shared/eval-data, beside the repo). Usage: bash tests/engine-eval.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DATA="${EVAL_DATA:-$ROOT/../shared/eval-data}"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
# PARALLAX_BIN reuses a CLI that is already built (CI passes its debug build); otherwise build a release one.
if [ -n "${PARALLAX_BIN:-}" ]; then
  BIN="$PARALLAX_BIN"
else
  cargo build --release --bin parallax --manifest-path "$ROOT/Cargo.toml" >&2
  BIN="$TARGET/release/parallax"
fi
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
run() { # name file mode (file: in the eval data, or a path)
  local gold="$2"
  [ -f "$gold" ] || gold="$DATA/$2"
  "$BIN" align --jsonl "$gold" --mode "$3" > "$OUT/$1-$3.jsonl"
  echo "== $1 (--mode $3)"
  python3 "$DATA/score.py" "$gold" "$OUT/$1-$3.jsonl" | tee "$OUT/$1-$3.score"
}
# Fails the run when a score falls below issue 3's targets: rule P_min F1_min file
gate() {
  python3 - "$@" <<'PY'
import re, sys
rule, pmin, fmin, path = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
line = next(l for l in open(path) if l.startswith(rule))
p, f = (float(re.search(k + r"=([0-9.]+)", line).group(1)) for k in ("P", "F1"))
ok = p >= pmin and f >= fmin
print(f"gate {rule} {path.rsplit('/', 1)[-1]}: P={p:.3f} (min {pmin}) F1={f:.3f} (min {fmin}) {'ok' if ok else 'BELOW TARGET'}")
sys.exit(0 if ok else 1)
PY
}
# DEplain-web pairs a text with its plain-language rewrite (one document revised);
# Aesop pairs two independent tellings of one fable (two accounts). Both are also scored with auto.
run deplain-web-dev deplain-web-dev.jsonl revision
run aesop-dev aesop-dev.jsonl accounts
run deplain-web-dev deplain-web-dev.jsonl auto
run aesop-dev aesop-dev.jsonl auto
gate unit 0.93 0.90 "$OUT/deplain-web-dev-revision.score"
gate pair 0.0 0.65 "$OUT/aesop-dev-accounts.score"
# Auto must keep the fables in the accounts regime (revision scores pair F1 .17 on them): a regime
# signal loose enough to send a few pairs there (e.g. near-identity at cosine 0.5) gives .645.
gate pair 0.0 0.65 "$OUT/aesop-dev-auto.score"
# Real accounts (two outlets' reports of one event): the dev pair and the pairs built from the extraction
# pages with hand-drawn links (tests/real-accounts). Printed, not gated: issue 10's targets are far off.
run real-accounts-dev real-accounts-dev.jsonl auto
EVAL_DATA="$DATA" python3 "$ROOT/tests/real-accounts/build.py" --output "$OUT/real-pairs.jsonl"
run real-pairs "$OUT/real-pairs.jsonl" auto
