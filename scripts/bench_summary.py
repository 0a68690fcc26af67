#!/usr/bin/env python3
"""bench_summary: turns the results of scripts/bench.sh into Markdown tables (stdout).

Input: OUT/results/*.json (hyperfine exports), mem-*.txt and hostile-* (GNU time -v logs and
storydiff JSON). Usage: scripts/bench_summary.py OUT BATCH_N SIZE... (called by bench.sh).
MB = 10^6 bytes; throughput counts the bytes of A + B.
"""
import json, os, re, sys

out, batch_n, sizes = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
res = os.path.join(out, "results")


def load(name):
    with open(os.path.join(res, name + ".json")) as f:
        return {r["command"]: r for r in json.load(f)["results"]}


def time_v(path):
    txt = open(path).read()
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", txt).group(1))
    el = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", txt).group(1)
    secs = 0.0
    for part in el.split(":"):
        secs = secs * 60 + float(part)
    return rss * 1024, secs


def ms(x):
    return f"{x * 1000:.1f}" if x < 10 else f"{x * 1000:.0f}"


print("```")
print(open(os.path.join(res, "machine.txt")).read().rstrip())
print("```\n")

inputs = [("example", os.path.join(out, "example-a.txt"), os.path.join(out, "example-b.txt"))]
for seed in (1, 2, 3):
    d = os.path.join(out, f"article{seed}")
    inputs.append((f"article{seed}", os.path.join(d, "article-a.txt"), os.path.join(d, "article-b.txt")))
for size in sizes:
    for kind in ("light", "heavy"):
        inputs.append((f"long-{size}-{kind}", os.path.join(out, f"long-{size}-a.txt"),
                       os.path.join(out, f"long-{size}-{kind}.txt")))

def status(path):
    """(exit status, peak RSS bytes, wall s) of one capped run."""
    txt = open(path).read()
    code = re.search(r"Exit status: (\d+)", txt)
    # timeout re-raises its child's signal, so GNU time reports the signal and exit status 0.
    sig = re.search(r"Command terminated by signal (\d+)", txt)
    rss, secs = time_v(path)
    if sig:
        return 128 + int(sig.group(1)), rss, secs
    return (int(code.group(1)) if code else None), rss, secs


def outcome(code, secs):
    if code == 124:
        return f"stopped at the time limit ({secs:.0f} s)"
    if code not in (0, 1):
        return f"failed, exit {code} (134: SIGABRT, memory allocation failed under the ulimit)"
    return None


print("### End to end (hyperfine, mean ± σ in ms; × = storydiff json time / tool time)\n")
print("| input | A + B bytes | storydiff json | storydiff text | git diff --word-diff | wdiff | dwdiff "
      "| × git | × wdiff | × dwdiff | storydiff MB/s (A+B) |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
mem_rows = []
for name, a, b in inputs:
    r = load(name)
    size = os.path.getsize(a) + os.path.getsize(b)
    sd = r["storydiff json"]["mean"]
    failed = None
    mem = os.path.join(res, f"mem-{name}.txt")
    if os.path.exists(mem):
        code, rss, secs = status(mem)
        failed = outcome(code, secs)
        mem_rows.append((name, size, secs, rss, failed))
    cell = lambda c: (f"{ms(r[c]['mean'])} ± {ms(r[c]['stddev'] or 0)}" if c in r else "–")
    cells = [cell(c) for c in ("storydiff json", "storydiff text", "git diff --word-diff", "wdiff", "dwdiff")]
    if failed:
        cells[0] = f"> {ms(sd)} ({failed})"
        ratios = [f"> {sd / r[c]['mean']:.0f}" for c in ("git diff --word-diff", "wdiff", "dwdiff")]
        speed = f"< {size / sd / 1e6:.3f}"
    else:
        ratios = [f"{sd / r[c]['mean']:.1f}" for c in ("git diff --word-diff", "wdiff", "dwdiff")]
        speed = f"{size / sd / 1e6:.3f}"
    print(f"| {name} | {size:,} | " + " | ".join(cells + ratios) + f" | {speed} |")

print("\n### Peak memory (GNU time -v of the storydiff json run above)\n")
print("| input | A + B bytes | wall s | peak RSS MB | RSS / (A + B) | outcome |")
print("|---|---:|---:|---:|---:|---|")
for name, size, secs, rss, failed in mem_rows:
    print(f"| {name} | {size:,} | {secs:.2f} | {rss / 1e6:.0f} | {rss / size:.1f}× | {failed or 'finished'} |")

b = list(load("batch").values())[0]
print("\n### Batch\n")
print(f"`storydiff batch` on {batch_n:,} pairs: mean {b['mean']:.2f} s ± {b['stddev'] or 0:.2f} s "
      f"over {len(b['times'])} runs → **{batch_n / b['mean']:,.0f} pairs/s** "
      f"(user {b['user']:.2f} s, system {b['system']:.2f} s per run)")

print("\n### Hostile inputs (one run each, `--format json`)\n")
print("| input | A + B bytes | wall s | peak RSS MB | exit | alignment-fallback notes |")
print("|---|---:|---:|---:|---:|---|")
for h, desc in (("words", "100,000 one-word sentences"), ("sentence", "one 10 MB sentence"),
                ("repeated", "one sentence 50,000 times")):
    n = sum(os.path.getsize(os.path.join(out, "hostile", f"{h}-{s}.txt")) for s in "ab")
    code, rss, secs = status(os.path.join(res, f"hostile-{h}.time"))
    try:
        doc = json.load(open(os.path.join(res, f"hostile-{h}.json")))
        notes = [x["message"] for x in doc.get("notes", []) if x.get("code") == "alignment-fallback"]
        fell = "; ".join(notes) if notes else "none"
    except (ValueError, OSError):
        fell = outcome(code, secs) or "(no JSON output)"
    print(f"| {desc} | {n:,} | {secs:.2f} | {rss / 1e6:.0f} | {code} | {fell} |")
