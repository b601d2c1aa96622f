#!/usr/bin/env bash
# Corpus throughput: `parallax batch` against the two-level difflib pipeline (difflib_batch.py, one
# Python process) over the same generated corpus, in the same run, whole process each (reading JSONL,
# comparing, writing one line per record). Prints pairs/s of both, the ratio, what 4.6 million
# versions (NewsEdits) would take at that rate, and parallax's peak memory (/usr/bin/time -v).
#
# Usage: tests/engine-bench/batch-vs-difflib.sh [PAIRS] [DIFFLIB_PAIRS]
#   PAIRS          corpus size for parallax (default 100000)
#   DIFFLIB_PAIRS  records of the same corpus (its first ones) given to difflib (default: all of them);
#                  difflib is slow, so a smaller share still gives its rate in reasonable time.
# Environment: PARALLAX_BIN (default: the release binary in $CARGO_TARGET_DIR or target/), THREADS
# (default: every core), WORK (a folder for the corpus and outputs; default a temporary one).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
pairs=${1:-100000}
dpairs=${2:-$pairs}
bin=${PARALLAX_BIN:-${CARGO_TARGET_DIR:-$here/../../target}/release/parallax}
[ -x "$bin" ] || { echo "no parallax binary at $bin: build it with 'cargo build --release -p parallax-cli' or set PARALLAX_BIN" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing: apt-get install time" >&2; exit 1; }
work=${WORK:-$(mktemp -d)}
mkdir -p "$work"
threads_arg=()
[ -n "${THREADS:-}" ] && threads_arg=(--threads "$THREADS")

corpus="$work/corpus-$pairs.jsonl"
[ -s "$corpus" ] || "$bin" bench --write-corpus "$corpus" --pairs "$pairs"
words=$(head -n 1000 "$corpus" | python3 -c '
import json, sys
n = [len(json.loads(l)["old"].split()) for l in sys.stdin]
print(round(sum(n) / len(n)))')
echo "corpus: $pairs pairs, $(du -h "$corpus" | cut -f1), ~$words words per version (first 1000), $(nproc) cores"

# Wall seconds, peak RSS (KiB) and CPU seconds (user + system) of one command, from GNU time's
# verbose report. On a shared machine wall time says mostly how busy it is; CPU time much less.
measure() {
  local report="$work/time.txt"
  /usr/bin/time -v -o "$report" "$@" >/dev/null 2>"$work/stderr.txt" || { cat "$work/stderr.txt" >&2; return 1; }
  local wall rss
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$report" \
    | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$report")
  cpu=$(awk -F': ' '/User time \(seconds\)|System time \(seconds\)/ { s += $2 } END { print s }' "$report")
  echo "$wall $rss $cpu"
}

read -r d_wall d_rss d_cpu < <(measure python3 "$here/difflib_batch.py" "$corpus" "$work/difflib.jsonl" --limit "$dpairs")
rm -f "$work/parallax.jsonl"
read -r p_wall p_rss p_cpu < <(measure "$bin" batch --jsonl "$corpus" --output "$work/parallax.jsonl" "${threads_arg[@]}")
[ "$(wc -l < "$work/parallax.jsonl")" -eq "$pairs" ] || { echo "parallax wrote $(wc -l < "$work/parallax.jsonl") lines for $pairs pairs" >&2; exit 1; }

threads=${THREADS:-$(nproc)}
python3 - "$pairs" "$p_wall" "$p_rss" "$dpairs" "$d_wall" "$d_rss" "$p_cpu" "$d_cpu" "$threads" "$(nproc)" <<'EOF'
import sys
pairs, p_wall, p_rss, dpairs, d_wall, d_rss, p_cpu, d_cpu, threads, cores = map(float, sys.argv[1:])
p_rate, d_rate = pairs / p_wall, dpairs / d_wall
versions = 4.6e6
def took(rate):
    s = versions / rate
    return f"{s / 3600:.1f} h" if s >= 3600 else f"{s / 60:.1f} min"
print(f"difflib two-level: {int(dpairs)} pairs in {d_wall:.1f} s = {d_rate:,.0f} pairs/s, peak RSS {d_rss / 1024:.0f} MiB; 4.6 M versions: {took(d_rate)}")
print(f"parallax batch:    {int(pairs)} pairs in {p_wall:.1f} s = {p_rate:,.0f} pairs/s, peak RSS {p_rss / 1024:.0f} MiB; 4.6 M versions: {took(p_rate)}")
print(f"ratio: {p_rate / d_rate:.1f}x difflib's throughput")
# CPU time: what each side costs, whatever else the machine runs. difflib uses one core; parallax
# spreads over min(threads, cores), so on an idle machine its rate would be about that many times
# its pairs per CPU-second (near-linear scaling, shown by comparing --threads 1 and 2).
p_cpu_rate, d_cpu_rate = pairs / p_cpu, dpairs / d_cpu
busy = min(threads, cores)
print(f"CPU time: difflib {d_cpu:.1f} s ({d_cpu_rate:,.0f} pairs per CPU-s), parallax {p_cpu:.1f} s ({p_cpu_rate:,.0f} pairs per CPU-s, {p_cpu_rate / d_cpu_rate:.1f}x per core)")
print(f"idle-machine estimate on {busy:.0f} cores: parallax {p_cpu_rate * busy:,.0f} pairs/s = {p_cpu_rate * busy / d_cpu_rate:.1f}x difflib; 4.6 M versions: {took(p_cpu_rate * busy)}")
EOF
echo "outputs in $work"
