#!/usr/bin/env python3
"""Runs `parallax batch` as a stage of PySpark: the corpus's JSONL lines are partitioned by Spark and
each partition is piped through the same binary (`rdd.pipe`), which Spark ships to its executors with
`addFile` (the `--files` of spark-submit). Results come back in input order: partitions keep the
file's order and `batch` keeps each partition's.

Usage: python3 spark_batch.py PARALLAX_BIN IN.jsonl OUT_DIR [--partitions N] [--master local[2]]
Writes OUT_DIR/part-* (Spark's text output; concatenated in name order they are the whole result).
"""
import argparse
import os

from pyspark import SparkConf, SparkContext, SparkFiles


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("binary")
    p.add_argument("input")
    p.add_argument("output")
    p.add_argument("--partitions", type=int, default=4)
    p.add_argument("--master", default="local[2]")
    p.add_argument("--fields", default="summary")
    args = p.parse_args()

    conf = SparkConf().setAppName("parallax-batch").setMaster(args.master)
    conf.set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false")
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    try:
        sc.addFile(os.path.abspath(args.binary))
        name = os.path.basename(args.binary)
        # One comparing thread per task: Spark already runs one task per core.
        command = f"{SparkFiles.get(name)} batch --jsonl - --threads 1 --fields {args.fields}"
        lines = sc.textFile(os.path.abspath(args.input), minPartitions=args.partitions)
        results = lines.pipe(command, checkCode=True)
        results.saveAsTextFile(os.path.abspath(args.output))
    finally:
        sc.stop()


if __name__ == "__main__":
    main()
