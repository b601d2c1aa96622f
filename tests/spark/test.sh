#!/usr/bin/env bash
# Spark equivalence test: `parallax batch` run as a PySpark stage (local mode, several partitions)
# must write exactly what one `parallax batch` process writes, on a small generated corpus.
# Installs what it needs: a Java runtime (Debian's default-jre-headless) and PySpark from PyPI.
# Usage: tests/spark/test.sh [PARALLAX_BIN]   (default: the debug binary in $CARGO_TARGET_DIR or target/)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bin=${1:-${PARALLAX_BIN:-${CARGO_TARGET_DIR:-$here/../../target}/debug/parallax}}
[ -x "$bin" ] || { echo "no parallax binary at $bin: build it with 'cargo build -p parallax-cli'" >&2; exit 1; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v java >/dev/null; then
  echo "spark test: installing default-jre-headless"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends default-jre-headless >/dev/null
fi
if ! python3 -c 'import pyspark' 2>/dev/null; then
  echo "spark test: installing pyspark"
  python3 -m pip install --quiet --disable-pip-version-check "pyspark==3.5.7" 2>&1 | grep -v "Running pip as the 'root' user" || true
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" bench --write-corpus "$work/corpus.jsonl" --pairs 200
status=0
for fields in summary full; do
  "$bin" batch --jsonl "$work/corpus.jsonl" --fields "$fields" --output "$work/single-$fields.jsonl"
  SPARK_LOCAL_IP=127.0.0.1 python3 "$here/spark_batch.py" "$bin" "$work/corpus.jsonl" "$work/spark-$fields" \
    --partitions 5 --fields "$fields" 2> >(grep -v -e NativeCodeLoader -e "default log level" -e setLogLevel >&2)
  parts=$(ls "$work/spark-$fields"/part-* | wc -l)
  cat "$work/spark-$fields"/part-* >"$work/spark-$fields.jsonl"
  if cmp -s "$work/single-$fields.jsonl" "$work/spark-$fields.jsonl"; then
    echo "ok: --fields $fields: Spark ($parts partitions) wrote the single-process output, $(wc -l <"$work/spark-$fields.jsonl") lines"
  else
    echo "FAILED: --fields $fields: Spark's output differs from the single-process output" >&2
    diff <(head -c 2000 "$work/single-$fields.jsonl") <(head -c 2000 "$work/spark-$fields.jsonl") >&2 || true
    status=1
  fi
done
exit "$status"
