#!/usr/bin/env bash
# Where Parallax's launch time goes (issue 16). Starts the app under its own Xvfb on a fresh data folder (first
# launch: the sample library is loaded) and again on the same folder (a later launch), RUNS times each, and prints
# milliseconds from launch to each stage the app logs (PARALLAX_STARTUP_LOG: main, library open, window setup,
# setup done, sample checked, page loaded, first IPC, articles listed) and to the first screenshot showing content
# (the same test as /work/shared/tools/app-firstpaint: grey standard deviation of the screen above 0.08, polled every
# ~0.1 s), and the CPU time the app and its WebKit processes (not Xvfb) had used by then.
# Usage: tests/perf/firstpaint.sh [APP_BINARY] [RUNS]   (default: the release build in $CARGO_TARGET_DIR)
# Needs Xvfb and ImageMagick's import. Prints one line per launch and the medians. PARALLAX_COMPOSITING=on|off
# overrides how the window is drawn (src-tauri/app/src/compositing.rs); FIRSTPAINT_SHOTS=DIR saves what counted.
set -euo pipefail
bin=${1:-${CARGO_TARGET_DIR:-$HOME/.cache/parallax/target}/release/parallax-app}
runs=${2:-5}
[ -x "$bin" ] || { echo "firstpaint: no app binary at $bin (build it: cargo build --release -p parallax-app)" >&2; exit 1; }
work=$(mktemp -d)
trap 'kill $xv 2>/dev/null || true; rm -rf "$work"' EXIT
for n in $(seq 90 160); do [ -e /tmp/.X$n-lock ] || [ -e /tmp/.X11-unix/X$n ] || break; done
disp=:$n
Xvfb $disp -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & xv=$!
sleep 1
now_ms() { date +%s%3N; }
# CPU time (user + system, ms) used so far by process $1 and its descendants (the WebKit web and network
# processes): unlike wall time, it hardly moves with the machine's load.
cpu_ms() {
  python3 - "$1" <<'PY'
import os, sys
root, parent, ticks = int(sys.argv[1]), {}, {}
for p in filter(str.isdigit, os.listdir("/proc")):
    try:
        f = open(f"/proc/{p}/stat").read().rsplit(")", 1)[1].split()
    except OSError:
        continue
    parent[int(p)], ticks[int(p)] = int(f[1]), int(f[11]) + int(f[12])  # ppid; utime + stime
def under(p):
    while p > 1 and p != root:
        p = parent.get(p, 0)
    return p == root
print(sum(t for p, t in ticks.items() if under(p)) * 1000 // os.sysconf("SC_CLK_TCK"))
PY
}

launch() { # data_dir label
  local data=$1 label=$2 log="$work/app.log" start content="" cpu="" sd
  start=$(now_ms)
  PARALLAX_STARTUP_LOG=1 PARALLAX_DATA_DIR=$data DISPLAY=$disp "$bin" >"$log" 2>&1 & local app=$!
  for _ in $(seq 1 100); do
    sd=$(DISPLAY=$disp import -window root -colorspace gray -format "%[fx:standard_deviation]" info: 2>/dev/null || echo 0)
    if awk -v s="$sd" 'BEGIN { exit !(s > 0.08) }'; then
      content=$(( $(now_ms) - start )); cpu=$(cpu_ms $app)
      # What counted as content, to look at: FIRSTPAINT_SHOTS=DIR keeps the screen as it was then.
      [ -z "${FIRSTPAINT_SHOTS:-}" ] || DISPLAY=$disp import -window root "$FIRSTPAINT_SHOTS/${label// /-}-$content.png"
      break
    fi
    sleep 0.05
  done
  sleep 0.5
  kill $app 2>/dev/null || true
  wait $app 2>/dev/null || true
  local line="$label"
  for stage in "main" "library open" "window setup" "setup done" "sample checked" "page loaded" "first IPC" "articles listed"; do
    local at val=-
    at=$(sed -n "s/^parallax startup: $stage at //p" "$log" | head -n 1)
    [ -z "$at" ] || val=$((at - start))
    line+=" | $stage $val"
  done
  local drawing
  drawing=$(sed -n 's/^parallax startup: drawing \(.*\)/\1/p' "$log" | head -n 1 | tr -d ' ')
  echo "$line | content ${content:-none} | cpu ${cpu:-none} | drawing ${drawing:-unlogged}"
}

for i in $(seq 1 "$runs"); do
  data="$work/data-$i"
  launch "$data" "first launch"
  launch "$data" "later launch"
done | tee "$work/lines"
echo "medians (ms from launch):"
for kind in "first launch" "later launch"; do
  grep "^$kind" "$work/lines" | python3 -c '
import re, statistics, sys
rows = [dict((k.strip(), v) for k, v in (re.match(r"(.*?) (\S+)$", part.strip()).groups() for part in line.split("|")[1:])) for line in sys.stdin]
kind = sys.argv[1]
print(kind + ": " + ", ".join(f"{k} {statistics.median(int(r[k]) for r in rows)}" for k in rows[0] if all(r[k].isdigit() for r in rows)))
' "$kind"
done
