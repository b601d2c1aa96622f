#!/usr/bin/env python3
"""Hostile-input suite: generates each class of bad input (deep nesting, degenerate sentence runs,
sizes past the limits, special files, control and bidi characters, shuffled near-duplicates, long
titles and queries, outputs that would clobber) and runs it through the `parallax` CLI under a
time and memory budget, checking what comes out. Standard library only.

    python3 tests/hostile/hostile.py --cli target/release/parallax            # release budgets
    python3 tests/hostile/hostile.py --cli target/debug/parallax --debug      # debug budgets

Budgets are set for a release build (2 s and 300 MB per case, the issue's targets); `--debug`
multiplies the time budget by DEBUG_SLOWDOWN, since an unoptimised build runs the same work
that much slower (memory budgets stay). Exit status 1 when any case fails.
"""

import argparse
import gzip
import http.server
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time

TIME_BUDGET = 2.0  # seconds, release build
MEMORY_BUDGET_MB = 300
DEBUG_SLOWDOWN = 12

ARTICLE = " ".join(
    f"The harbour council met on day {i} and approved plan {i} for the ferry pier." for i in range(12)
)


class Run:
    """One CLI run: exit code (None when it had to be killed), output, wall time, peak memory."""

    def __init__(self, code, out, err, seconds, peak_mb):
        self.code, self.out, self.err, self.seconds, self.peak_mb = code, out, err, seconds, peak_mb


class Suite:
    def __init__(self, cli, debug, keep):
        self.cli = os.path.abspath(cli)
        self.scale = DEBUG_SLOWDOWN if debug else 1
        self.dir = tempfile.mkdtemp(prefix="parallax-hostile-")
        self.keep = keep
        self.failures = []
        self.count = 0

    def path(self, name):
        return os.path.join(self.dir, name)

    def write(self, name, data):
        p = self.path(name)
        with open(p, "wb") as f:
            f.write(data.encode() if isinstance(data, str) else data)
        return p

    def data_dir(self):
        return tempfile.mkdtemp(dir=self.dir, prefix="lib-")

    def measured(self, args, budget=TIME_BUDGET, memory=MEMORY_BUDGET_MB):
        """Runs the CLI in a fresh Python child that reports the CLI's own peak memory."""
        limit = budget * self.scale
        probe = (
            "import os,resource,subprocess,sys,time\n"
            "t=time.monotonic()\n"
            "p=subprocess.Popen(sys.argv[2:],stdout=subprocess.PIPE,stderr=subprocess.PIPE,stdin=subprocess.DEVNULL)\n"
            "o,e=p.communicate(timeout=float(sys.argv[1]))\n"
            "r=resource.getrusage(resource.RUSAGE_CHILDREN)\n"
            "sys.stdout.buffer.write(b'%d %f %d\\n'%(p.returncode,time.monotonic()-t,r.ru_maxrss))\n"
            "sys.stdout.buffer.write(o)\n"
            "sys.stderr.buffer.write(e)\n"
        )
        try:
            done = subprocess.run(
                [sys.executable, "-c", probe, str(limit * 5), self.cli, *args],
                capture_output=True,
                cwd=self.dir,
                timeout=limit * 5 + 10,
            )
        except subprocess.TimeoutExpired:
            return Run(None, b"", b"killed: past five times the budget", limit * 5, 0.0), limit, memory
        head, _, out = done.stdout.partition(b"\n")
        if done.returncode != 0 or not head:
            return Run(None, b"", done.stderr, limit * 5, 0.0), limit, memory
        code, seconds, kb = head.split()
        return Run(int(code), out, done.stderr, float(seconds), int(kb) / 1024), limit, memory

    def case(self, name, args, check, budget=TIME_BUDGET, memory=MEMORY_BUDGET_MB):
        self.count += 1
        r, limit, mem = self.measured(args, budget, memory)
        problems = []
        if r.code is None:
            problems.append(f"did not finish: {r.err.decode(errors='replace')[-200:]}")
        else:
            if r.seconds > limit:
                problems.append(f"took {r.seconds:.2f} s (budget {limit:.1f} s)")
            if r.peak_mb > mem:
                problems.append(f"peak {r.peak_mb:.0f} MB (budget {mem} MB)")
            if r.code < 0:
                problems.append(f"killed by signal {-r.code}")
            try:
                msg = check(r)
            except Exception as e:  # a check that cannot even read the output is a failure
                msg = f"check raised {e!r}"
            if msg:
                problems.append(msg)
        self.verdict(name, f"exit {r.code}, {r.seconds:.2f} s, {r.peak_mb:.0f} MB", problems)
        return r

    def verdict(self, name, facts, problems):
        status = "ok  " if not problems else "FAIL"
        print(f"{status} {name}: {facts}" + ("" if not problems else " — " + "; ".join(problems)), flush=True)
        if problems:
            self.failures.append(name)


def exits(*codes, contains=None, stream="err"):
    """A check: the exit code is one of `codes` and (optionally) the stream holds `contains`."""
    def check(r):
        if r.code not in codes:
            return f"exit {r.code}, expected {codes}: {r.err.decode(errors='replace')[-300:]}"
        text = (r.err if stream == "err" else r.out).decode(errors="replace")
        if contains and contains not in text:
            return f"{stream} lacks {contains!r}: {text[-300:]}"
        return None
    return check


def no_escape(r):
    """No raw ESC, BEL or C1 control reaches the terminal."""
    for stream in (r.out, r.err):
        text = stream.decode(errors="replace")
        bad = [c for c in text if (ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F]
        if bad:
            return f"raw control characters printed: {sorted(set(map(hex, map(ord, bad))))}"
    return None


def both(*checks):
    def check(r):
        for c in checks:
            m = c(r)
            if m:
                return m
        return None
    return check


def page(title, body_html):
    return f"<html><head><title>{title}</title></head><body><article>{body_html}</article></body></html>"


def nesting(s):
    deep = "<div>" * 20_000 + f"<p>{ARTICLE}</p>" + "</div>" * 20_000
    s.case("20,000 nested <div> import", ["import", s.write("nested.html", page("Deep", deep)), "--data-dir", s.data_dir()],
           exits(0, stream="out", contains="imported"))
    unclosed = "<span>" * 100_000 + f"<p>{ARTICLE}</p>"
    s.case("100,000 unclosed <span> import", ["import", s.write("unclosed.html", page("Open", unclosed)), "--data-dir", s.data_dir()],
           exits(0, stream="out", contains="imported"))
    s.case("> x 50,000 Markdown import", ["import", s.write("quotes.md", "> " * 50_000 + ARTICLE + "\n"), "--data-dir", s.data_dir()],
           exits(0, stream="out", contains="imported"))
    s.case("100,000 raw <div> in Markdown", ["import", s.write("divs.md", "<div>" * 100_000 + "\n\n" + ARTICLE + "\n"), "--data-dir", s.data_dir()],
           exits(0, 4, stream="out"))
    # Container markers past the nesting bound are dropped before pulldown-cmark sees the line.
    s.case("- x 20,000 nested list Markdown", ["import", s.write("lists.md", "- " * 20_000 + ARTICLE + "\n"), "--data-dir", s.data_dir()],
           exits(0, stream="out", contains="imported"))
    s.case("1. x 20,000 nested ordered list Markdown", ["import", s.write("olists.md", "1. " * 20_000 + ARTICLE + "\n"), "--data-dir", s.data_dir()],
           exits(0, stream="out", contains="imported"))
    many = "<span>x</span>" * 250_000
    s.case("250,000 elements refused fast", ["import", s.write("many.html", page("Many", many + f"<p>{ARTICLE}</p>")), "--data-dir", s.data_dir()],
           exits(4, contains="too large to analyse"))


class Bomb(http.server.BaseHTTPRequestHandler):
    body = gzip.compress(("<html><body>" + "<div>" * 3_800_000 + "</body></html>").encode(), 9)

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *_):
        pass


def gzip_bomb(s):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Bomb)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}/bomb"
    s.case(f"gzip response ({len(Bomb.body) // 1024} KB) expanding to nested <div>", ["import", url, "--data-dir", s.data_dir()],
           exits(4, 7))
    server.shutdown()


def whole(n_left, n_right, coarse):
    """A check: every sentence of each side is in exactly one row, and the comparison says it was
    coarsened (a `coarse` count in the summary, matching its coarse rows) exactly when expected."""
    def check(r):
        import json
        c = json.loads(r.out)
        if (len(c["left"]), len(c["right"])) != (n_left, n_right):
            return f"sentences {len(c['left'])} and {len(c['right'])}, expected {n_left} and {n_right}"
        for side, n in (("left", n_left), ("right", n_right)):
            seen = sorted(i for row in c["rows"] for i in row[side])
            if seen != list(range(n)):
                return f"{side} sentences not each in one row"
        rows = sum(1 for row in c["rows"] if row.get("coarse"))
        if c["summary"].get("coarse", 0) != rows:
            return f"summary says {c['summary'].get('coarse', 0)} coarse rows, the rows {rows}"
        if bool(rows) != coarse:
            return f"{rows} coarse rows, expected {'some' if coarse else 'none'}"
        return None
    return check


def runs(s):
    s.write("one.txt", "A council vote.\n")
    s.case(". x 1,000,000 compare", ["compare", s.write("dots.txt", ". " * 1_000_000 + "\n"), "one.txt", "--format", "json"],
           exits(0, stream="out", contains="summary"))
    s.case("? x 500,000 compare", ["compare", s.write("qs.txt", "Word? " + "? " * 500_000 + "\n"), "one.txt", "--format", "json"],
           exits(0, stream="out", contains="summary"))
    body = "The council met. " + ". " * 100_000
    s.write("runs_a.txt", body + "\n")
    s.write("runs_b.txt", body.replace("council", "board", 1) + "\n")
    s.case("200 KB of word-free sentences, one-word edit", ["compare", "runs_a.txt", "runs_b.txt", "--format", "json"],
           exits(0, stream="out", contains="substantive"))
    words = [f"w{k}" for k in range(5000)]

    def sentences(n, seed):
        r = random.Random(seed)
        return [" ".join(r.choice(words) for _ in range(9)).capitalize() + "." for _ in range(n)]

    def prose(n, seed):
        return " ".join(sentences(n, seed))
    # The verbatim diff, the gap alignment and the pass for moves have work budgets, and past the
    # detail budget a stretch is one coarse row, so unrelated and shuffled texts compare in
    # near-linear time. 5,000 a side fits the detail budget; 40,000 a side does not.
    for n, coarse in ((5_000, False), (40_000, True)):
        s.write(f"unrel{n}_a.txt", prose(n, 1) + "\n")
        s.write(f"unrel{n}_b.txt", prose(n, 2) + "\n")
        for mode in ("accounts", "auto"):
            s.case(f"{n:,} unrelated sentences a side ({mode})",
                   ["compare", f"unrel{n}_a.txt", f"unrel{n}_b.txt", "--format", "json", "--mode", mode],
                   both(exits(0, stream="out"), whole(n, n, coarse)))
    shuffled = sentences(10_000, 3)
    s.write("shufp_a.txt", " ".join(shuffled) + "\n")
    random.Random(6).shuffle(shuffled)
    s.write("shufp_b.txt", " ".join(shuffled) + "\n")

    def all_moved(r):
        import json
        summary = json.loads(r.out)["summary"]
        wrong = {k: summary[k] for k in ("added", "removed", "split", "merged", "edited") if summary[k]}
        return f"verbatim sentences not linked: {wrong}" if wrong else None
    s.case("10,000 shuffled sentences all linked", ["compare", "shufp_a.txt", "shufp_b.txt", "--format", "json"],
           both(exits(0, stream="out"), all_moved))


def sizes(s):
    limit = 20 * 1024 * 1024
    big = s.write("big.txt", ("The council met on Tuesday. " * (limit // 28 + 10))[: limit + 1])
    s.case("compare 20 MiB + 1 byte", ["compare", big, "one.txt"], exits(4, contains="up to 20.0 MB"))
    s.case("align record over the limit", ["align", "--jsonl", s.write("big.jsonl", '{"id":1,"a_sentences":["' + "a" * (limit + 10) + '"]}\n')],
           exits(5, contains="longer than"))
    exact = s.write("exact.txt", ("Council. " * (limit // 90 + 1))[: limit // 40])
    s.case("compare 512 KiB of one repeated sentence with itself", ["compare", exact, exact, "--format", "json"], exits(0, stream="out", contains="summary"),
           budget=TIME_BUDGET, memory=MEMORY_BUDGET_MB * 3)
    # Two texts at the size limit that share nothing, and two that are one 20 MB "sentence" each:
    # past the detail budget the unmatched stretch is one coarse row. Twice the time budget:
    # these are the largest inputs there are (release: 0.7 s and 0.5 s of CPU, loaded machine).
    def at_limit(make):
        parts, size, k = [], 0, 0
        while size < limit:
            parts.append(make(k))
            size += len(parts[-1])
            k += 1
        return "".join(parts)[: limit - 1] + "\n"
    a = s.write("limit_a.txt", at_limit(lambda k: f"Alpha item {k} notes the harbour level {k * 31 % 997}. "))
    b = s.write("limit_b.txt", at_limit(lambda k: f"Beta entry {k} reports market prices {k * 17 % 991}. "))
    s.case("two 20 MB texts that share nothing", ["compare", a, b, "--format", "json"],
           both(exits(0, stream="out"), lambda r: None if b'"coarse": 1' in r.out[-4000:] else "not coarsened"),
           budget=TIME_BUDGET * 2)
    a = s.write("line_a.txt", " ".join(f"alpha{k % 5000}" for k in range(limit // 11))[: limit - 1] + "\n")
    b = s.write("line_b.txt", " ".join(f"beta{k % 4999}" for k in range(limit // 10))[: limit - 1] + "\n")
    s.case("two 20 MB one-sentence texts", ["compare", a, b, "--format", "json"], exits(0, stream="out", contains="summary"),
           budget=TIME_BUDGET * 2)
    s.case("compare /dev/zero", ["compare", "/dev/zero", "one.txt"], exits(3, contains="not a regular file"))
    zero = s.path("zero.txt")
    os.symlink("/dev/zero", zero)
    s.case("import a link to /dev/zero", ["import", zero, "--data-dir", s.data_dir()], exits(3, contains="not a regular file"))
    fifo = s.path("fifo.txt")
    os.mkfifo(fifo)
    s.case("compare a FIFO", ["compare", fifo, "one.txt"], exits(3, contains="pipe"))
    s.case("import a FIFO", ["import", fifo, "--data-dir", s.data_dir()], exits(3, contains="not a regular file"))
    s.case("align a FIFO", ["align", "--jsonl", fifo], exits(3, contains="pipe"))


def hidden(s):
    esc = page("X &#27;]0;pwned&#7;&#27;[2J", f"<p>{ARTICLE} &#27;[31m red &#155;</p>")
    d = s.data_dir()
    s.case("escape sequences in a page: import", ["import", s.write("esc.html", esc), "--data-dir", d], both(exits(0, stream="out"), no_escape))
    s.case("escape sequences in a page: list", ["list", "--data-dir", d], both(exits(0, stream="out", contains="pwned"), no_escape))
    s.case("escape sequences in a page: search", ["search", "harbour", "--data-dir", d], both(exits(0, stream="out", contains="harbour"), no_escape))
    s.write("bidi_a.txt", "The council approved 40 homes.\n")
    s.write("bidi_b.txt", "The council approved \u202e40\u202c homes.\n")
    s.case("bidi override around a number is substantive", ["compare", "bidi_a.txt", "bidi_b.txt", "--format", "json"],
           exits(0, stream="out", contains='"substantive"'))
    s.case("export --substantive-only keeps a bidi override edit",
           ["export", "bidi_a.txt", "bidi_b.txt", "--md", "-", "--substantive-only"],
           both(exits(0, stream="out", contains="‹RLO›"), no_escape))
    s.case("export --title with escapes and a newline: one clean heading",
           ["export", "bidi_a.txt", "bidi_b.txt", "--md", "-", "--title", "Title \x1b[2J\nsecond line"],
           both(exits(0, stream="out", contains="# Title \\[2J second line"), no_escape))
    s.case("bidi override is shown as a mark", ["compare", "bidi_a.txt", "bidi_b.txt"], both(exits(0, stream="out", contains="‹RLO›"), no_escape))
    s.write("ctl_a.txt", "The council met.\n")
    s.write("ctl_b.txt", "The council \x1b[2J met.\n")
    s.case("raw ESC in a compared file never reaches the terminal", ["compare", "ctl_a.txt", "ctl_b.txt"], both(exits(0, stream="out"), no_escape))


def shuffles(s):
    sentences = [f"The council approved plan number {n} for the harbour district on Tuesday." for n in range(50)]
    s.write("sh_a.txt", " ".join(sentences) + "\n")
    shuffled = sentences[:]
    random.Random(3).shuffle(shuffled)
    s.write("sh_b.txt", " ".join(shuffled) + "\n")

    def linked(r):
        import json
        summary = json.loads(r.out)["summary"]
        wrong = {k: summary[k] for k in ("added", "removed", "split", "merged", "edited") if summary[k]}
        return f"verbatim sentences not linked: {wrong}" if wrong else None
    s.case("50 shuffled templated sentences all linked", ["compare", "sh_a.txt", "sh_b.txt", "--format", "json"],
           both(exits(0, stream="out"), linked))
    many = [f"The council approved plan number {n} for the harbour district on Tuesday." for n in range(10_000)]
    s.write("sh10k_a.txt", " ".join(many) + "\n")
    random.Random(5).shuffle(many)
    s.write("sh10k_b.txt", " ".join(many) + "\n")
    s.case("10,000 shuffled templated sentences all linked", ["compare", "sh10k_a.txt", "sh10k_b.txt", "--format", "json"],
           both(exits(0, stream="out"), linked))


def titles_and_queries(s):
    s.write("t_a.txt", ARTICLE + "\n")
    s.write("t_b.txt", ARTICLE.replace("ferry", "tram", 1) + "\n")
    long_title = "Title word " * 1000
    s.case("PDF export with an 11,000-character title", ["export", "t_a.txt", "t_b.txt", "--pdf", s.path("t.pdf"), "--title", long_title],
           exits(0, contains="wrote"))
    no_space = "T" * 20_000
    s.case("PDF export with a 20,000-character title without spaces", ["export", "t_a.txt", "t_b.txt", "--pdf", s.path("t2.pdf"), "--title", no_space],
           exits(0, contains="wrote"))
    d = s.data_dir()
    s.case("import a page with a 21,000-character <title>", ["import", s.write("longtitle.html", page("Headline " * 2333, f"<p>{ARTICLE}</p>")), "--data-dir", d],
           exits(0, stream="out"))

    def short_title(r):
        import json
        t = json.loads(r.out)[0]["title"]
        return None if len(t) <= 300 else f"stored title has {len(t)} characters"
    s.case("the stored title is capped", ["list", "--format", "json", "--data-dir", d], both(exits(0, stream="out"), short_title))
    s.case("search with 1,250 repeated terms", ["search", "council " * 1250, "--data-dir", d], exits(0, stream="out", contains="council"))
    cycling = " ".join(ARTICLE.split() * 40)[:10_000]
    s.case("search with a pasted 10,000-character query", ["search", cycling, "--data-dir", d], exits(0, stream="out"))


def clobbers(s):
    s.write("c_a.txt", ARTICLE + "\n")
    s.write("c_b.txt", ARTICLE.replace("ferry", "tram", 1) + "\n")
    before = open(s.path("c_a.txt"), "rb").read()

    def untouched(r):
        return None if open(s.path("c_a.txt"), "rb").read() == before else "the input was overwritten"
    s.case("export over its own input is refused", ["export", "c_a.txt", "c_b.txt", "--md", "c_a.txt"],
           both(exits(6, contains="would overwrite"), untouched))
    s.case("two outputs to one path are refused", ["export", "c_a.txt", "c_b.txt", "--html", "same.out", "--md", "same.out"],
           exits(6, contains="would overwrite"))
    os.symlink("real.html", s.path("link.html"))

    def still_link(r):
        return None if os.path.islink(s.path("link.html")) and os.path.isfile(s.path("real.html")) else "the link was replaced"
    s.case("export through a symbolic link keeps the link", ["export", "c_a.txt", "c_b.txt", "--html", "link.html"],
           both(exits(0), still_link))
    os.mkfifo(s.path("out.fifo"))

    def still_fifo(r):
        import stat
        return None if stat.S_ISFIFO(os.stat(s.path("out.fifo")).st_mode) else "the FIFO was replaced"
    s.case("export to a FIFO is refused", ["export", "c_a.txt", "c_b.txt", "--json", "out.fifo"],
           both(exits(6, contains="not a regular file"), still_fifo))


def messages(s):
    """The report's small findings (F13, F17): exact sizes, names, odd file names and records."""
    limit = 20 * 1024 * 1024
    over = s.write("over.txt", ("The council met on Tuesday. " * (limit // 28 + 10))[: limit + 1])
    s.write("one.txt", "A council vote.\n")
    s.case("import 20 MiB + 1 byte names the exact size", ["import", over, "--data-dir", s.data_dir()],
           exits(4, contains="20971521 bytes (1 bytes over the limit)"))
    s.case("compare 20 MiB + 1 byte names the exact size", ["compare", over, "one.txt"],
           exits(4, contains="(20971521 bytes)"))
    s.case("a file without an extension", ["import", s.write("README", ARTICLE + "\n"), "--data-dir", s.data_dir()],
           exits(4, contains="this file's name has no extension"))
    newline = s.write("two\nlines.txt", ARTICLE + "\n")

    def one_line(r):
        lines = r.out.decode().strip().splitlines()
        return None if len(lines) == 1 and "‹U+000A›" in lines[0] else f"import printed {lines!r}"
    s.case("a newline in a file name stays on one line", ["import", newline, "--data-dir", s.data_dir()],
           both(exits(0, stream="out"), one_line))
    s.write("m_a.txt", ARTICLE + "\n")
    s.write("m_b.txt", ARTICLE.replace("ferry", "tram", 1) + "\n")

    def no_dash_file(r):
        return "a file named - was written" if os.path.exists(s.path("-")) else None
    s.case("export --md - writes to standard output", ["export", "m_a.txt", "m_b.txt", "--md", "-"],
           both(exits(0, stream="out", contains="tram"), no_dash_file))
    record = '{"id":"r1","a_sentences":["The council met."],"b_sentences":["The board met."]}\n'
    s.case("an align record starting with a byte-order mark", ["align", "--jsonl", s.write("bom.jsonl", "\ufeff" + record)],
           exits(0, stream="out", contains="r1"))
    s.case("align names the real offset and byte", ["align", "--jsonl", s.write("bad.jsonl", b'{"id":"x","a_sentences":["A \xff."],"b_sentences":["B."]}\n')],
           exits(4, contains="invalid byte 0xFF at offset 28"))
    s.write("u16.txt", "The council met.\n".encode("utf-16"))
    s.case("compare of UTF-16 text suggests iconv -f utf-16", ["compare", "u16.txt", "m_a.txt"],
           exits(4, contains="iconv -f utf-16"))
    body = f"<p>{ARTICLE}</p>"
    s.case("a page declaring UTF-7, without a title, is named by its first sentence",
           ["import", s.write("u7.html", f'<html><head><meta charset="utf-7"></head><body><article>{body}</article></body></html>'),
            "--data-dir", s.data_dir()],
           exits(0, stream="out", contains='imported "The harbour council met on day 0'))
    s.case("a page of 10 MB of spaces is refused as empty",
           ["import", s.write("spaces.html", "<html><body>" + " " * 10_000_000 + "</body></html>"), "--data-dir", s.data_dir()],
           exits(4, contains="empty page"))
    line_buffered(s)
    d = s.data_dir()
    s.case("import for the search cases", ["import", "m_a.txt", "--data-dir", d], exits(0, stream="out"))
    s.case("search with no match says so", ["search", "zeppelin", "--data-dir", d], exits(0, contains="no matches"))
    s.case("search without words says so", ["search", "  ", "--data-dir", d], exits(0, contains="has no words"))


def line_buffered(s):
    """F17: `import` prints each file's line as soon as it is stored, so a run killed with -9
    still reports what it stored. The second file is large enough that the run is still busy
    when the first line must have arrived; block-buffered output would arrive only at exit."""
    s.count += 1
    name = "import prints each stored file before the next (killed with -9)"
    first = s.write("lb_first.txt", ARTICLE + "\n")
    big = s.write("lb_big.txt", "The council met on Tuesday. " * 180_000 + "\n")
    p = subprocess.Popen([s.cli, "import", first, big, "--data-dir", s.data_dir()],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    line = p.stdout.readline().decode(errors="replace")
    running = p.poll() is None
    p.kill()
    p.wait()
    problems = []
    if "lb_first.txt: imported" not in line:
        problems.append(f"first line {line!r}")
    if not running:
        problems.append("the first line came only when the run ended")
    s.verdict(name, f"first line {'while running' if running else 'at exit'}", problems)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cli", required=True, help="path to the parallax binary")
    ap.add_argument("--debug", action="store_true", help="the binary is a debug build: scale time budgets")
    ap.add_argument("--keep", action="store_true", help="keep the generated inputs")
    ap.add_argument("--only", help="run only the classes whose name contains this")
    args = ap.parse_args()
    s = Suite(args.cli, args.debug, args.keep)
    print(f"hostile inputs in {s.dir}; budgets {TIME_BUDGET * s.scale:.0f} s and {MEMORY_BUDGET_MB} MB per case"
          f" ({'debug' if args.debug else 'release'} build)", flush=True)
    classes = [nesting, gzip_bomb, runs, sizes, hidden, shuffles, titles_and_queries, clobbers, messages]
    try:
        for c in classes:
            if args.only and args.only not in c.__name__:
                continue
            c(s)
    finally:
        if not args.keep:
            shutil.rmtree(s.dir, ignore_errors=True)
    print(f"{s.count - len(s.failures)} of {s.count} cases within budget and as expected", flush=True)
    if s.failures:
        print("failed: " + ", ".join(s.failures))
        sys.exit(1)


if __name__ == "__main__":
    main()
