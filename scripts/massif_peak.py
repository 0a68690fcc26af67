#!/usr/bin/env python3
"""massif_peak: the heap at one snapshot of a valgrind massif profile, by data structure.

    valgrind --tool=massif --threshold=0.2 --depth=40 --massif-out-file=OUT storydiff A B --format json
    scripts/massif_peak.py OUT              # the peak snapshot, one line per allocation site
    scripts/massif_peak.py OUT 47           # snapshot 47 (a detailed one: --detailed-freq=N)
    scripts/massif_peak.py OUT peak --by-structure   # grouped as in BENCHMARKS.md (issue 13)

Each node of massif's tree holds the bytes allocated below it; a node's own bytes (its bytes
less its children's) are charged to the innermost storydiff frame of its stack, with its
source line. "malloc overhead" is massif's extra-heap figure (headers and rounding of every
block: about 16–24 bytes for each small `String` or `Vec`)."""
import collections
import re
import sys

# (name, owner, pattern on "function (file:line)") — first match wins. Line numbers are those
# of the commits measured in BENCHMARKS.md (before and after `mem13`'s align change).
STRUCTURES = [
    ("claims::dates::scan::Toks.toks: Vec<Tok> of the whole text (side A or B)", "claims/dates", r"scan\.rs:67"),
    ("claims::dates::scan::Toks.lows: Vec<Lower> of the whole text", "claims/dates", r"scan\.rs:7[0-9]"),
    ("claims::dates::scan_dates: dates found in the whole text", "claims/dates", r"dates\.rs:12[0-9][0-9]"),
    ("align::similarity Token structs (72 B each: key, stem, class, weight, grams)", "align/similarity", r"similarity\.rs:436|Vec<\(u64, alloc::string::String"),
    ("align::similarity Token.grams: Vec<u32> trigrams", "align/similarity", r"trigrams"),
    ("align::similarity Token.stem: String", "align/similarity", r"similarity::Word"),
    ("align::similarity per-text stem lists, Vec<Features>", "align/similarity", r"with_counted_features|similarity\.rs"),
    ("align candidate pairs (scored, pairs, order, sort scratch)", "align/mod.rs pairing", r"mod\.rs:(575|603|611|612)\)|sort<storydiff::align::Pair"),
    ("align na/nb: white-space-normalised copy of every sentence", "align/mod.rs pairing", r"normalize_ws|mod\.rs:36[01]\)"),
    ("align exact-match maps and first occurrences", "align/mod.rs pairing", r"mod\.rs:(36[4-9]|37[0-9])\)|extend_desugared<usize"),
    ("align rows: Vec<Row>", "align/mod.rs rows", r"mod\.rs:(850|877)\)"),
    ("align rows: ids and word diffs (DiffChunk texts)", "align/mod.rs rows", r"mod\.rs:(881|908)\)|worddiff|DiffChunk"),
    ("align groups, slots and other per-sentence vectors", "align/mod.rs pairing", r"storydiff::align::align"),
    ("input texts (Document.text, A + B)", "ingest", r"ingest::read"),
    ("report::Sentence.text: a copy of every sentence", "lib.rs / report", r"sentences::\{closure|lib\.rs:14[0-9]\)"),
    ("report::Sentence structs (88 B each)", "lib.rs / report", r"lib\.rs:9[34]\)"),
    ("claims working set (extract, engine, windows)", "claims", r"claims::"),
    ("sites under massif's threshold (0.2 %)", "-", r"below massif"),
]


def snapshots(lines):
    out = []
    i = 0
    while i < len(lines):
        if lines[i].startswith("snapshot="):
            info = {"n": int(lines[i].split("=")[1]), "tree": None}
            j = i + 1
            while j < len(lines) and not lines[j].startswith("snapshot="):
                l = lines[j]
                for k in ("mem_heap_B", "mem_heap_extra_B"):
                    if l.startswith(k + "="):
                        info[k] = int(l.split("=")[1])
                if l.startswith("heap_tree="):
                    info["tree"] = l.split("=")[1]
                    info["start"] = j + 1
                j += 1
            info["end"] = j
            out.append(info)
            i = j
        else:
            i += 1
    return out


def own_bytes(lines, snap):
    node = re.compile(r"^( *)n(\d+): (\d+) (.*)$")
    stack, selfs = [], []

    def close(depth):
        while stack and stack[-1][0] >= depth:
            d, b, label, children = stack.pop()
            if b - children[0] > 0:
                selfs.append(([x[2] for x in stack] + [label], b - children[0]))

    for l in lines[snap["start"]:snap["end"]]:
        m = node.match(l)
        if not m:
            continue
        d, b, label = len(m.group(1)), int(m.group(3)), m.group(4)
        close(d)
        if stack:
            stack[-1][3][0] += b
        stack.append((d, b, label, [0]))
    close(0)
    return selfs


SKIP = re.compile(r"^(UnknownInlinedFun|alloc::|core::|<alloc::|<core::|hashbrown|<hashbrown|"
                  r"with_capacity|__rust|realloc|malloc|grow|reserve|finish_grow|push|extend|"
                  r"from_iter|to_vec|to_owned|clone|collect|<\[|<T as|<std|std::|spec_|try_|"
                  r"insert|entry|map<|fold|for_each|call|<&|<str|<I as|from<|into|String::)")


def site(stack):
    frames = [re.sub(r"^.*?0x[0-9A-F]+: ", "", x) for x in stack[1:]]
    for f in frames:  # innermost first
        if "storydiff::" in f and not SKIP.match(f):
            return f[:160]
    for f in frames:
        if "storydiff" in f:
            return f[:160]
    return (frames[-1] if frames else stack[0])[:160]


def main():
    path = sys.argv[1]
    want = sys.argv[2] if len(sys.argv) > 2 else "peak"
    lines = open(path).read().split("\n")
    snaps = snapshots(lines)
    snap = next(s for s in snaps if (s["tree"] == "peak" if want == "peak" else s["n"] == int(want)))
    useful, extra = snap["mem_heap_B"], snap["mem_heap_extra_B"]
    total = useful + extra
    print(f"snapshot {snap['n']}: {useful:,} B useful + {extra:,} B malloc overhead = {total:,} B")
    by_site = collections.Counter()
    for stack, b in own_bytes(lines, snap):
        by_site[site(stack)] += b
    if "--by-structure" not in sys.argv:
        for k, b in by_site.most_common():
            if b * 1000 >= useful:
                print(f"{b:>12,} {100 * b / total:5.1f}%  {k}")
        return
    groups = collections.Counter()
    owner = {}
    for k, b in by_site.items():
        for name, who, pat in STRUCTURES:
            if re.search(pat, k):
                break
        else:
            name, who = "other: " + k, "?"
        groups[name] += b
        owner[name] = who
    groups["malloc overhead (block headers and rounding)"] = extra
    owner["malloc overhead (block headers and rounding)"] = "-"
    print("| structure | owner | bytes | share of heap peak |")
    print("|---|---|---:|---:|")
    for name, b in groups.most_common():
        print(f"| {name} | {owner[name]} | {b:,} | {100 * b / total:.1f} % |")
    print(f"| **heap at the peak** | | **{total:,}** | 100 % |")


if __name__ == "__main__":
    main()
