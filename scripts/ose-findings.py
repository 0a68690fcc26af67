#!/usr/bin/env python3
"""Count the conflicts and inconsistencies storydiff reports between the reading levels of the
OneStopEnglish stories (advanced vs intermediate, intermediate vs elementary): editors simplify
the wording and keep the facts, so nearly every finding there is a false alarm to read by hand.

usage: scripts/ose-findings.py BIN [MESSAGES_OUT]
Reads ../shared/corpora/onestopenglish/texts.jsonl (or OSE=PATH); prints counts by level pair and
kind; writes every message to MESSAGES_OUT when given. Skips (exit 0, says so) without the corpus.
"""
import collections, json, os, subprocess, sys, tempfile

here = os.path.dirname(os.path.abspath(__file__))
path = os.environ.get("OSE", os.path.join(here, "..", "..", "shared", "corpora", "onestopenglish", "texts.jsonl"))
if not os.path.exists(path):
    print(f"SKIPPED ose-findings: {path} not found")
    sys.exit(0)
binary = sys.argv[1]
stories = [json.loads(line) for line in open(path, encoding="utf-8")]
counts = collections.Counter()
messages = []
with tempfile.TemporaryDirectory() as tmp:
    a, b = os.path.join(tmp, "a.txt"), os.path.join(tmp, "b.txt")
    for story in stories:
        for x, y in (("adv", "int"), ("int", "ele")):
            open(a, "w", encoding="utf-8").write(story[x])
            open(b, "w", encoding="utf-8").write(story[y])
            out = json.loads(subprocess.run([binary, "--format", "json", a, b], capture_output=True, check=False).stdout)
            for c in out["claims"]:
                if c["severity"] == "conflict":
                    counts[(f"{x}-{y}", c["kind"])] += 1
                    messages.append(f"{story['title']} {x}-{y}: {c['message']}")
            for i in out.get("inconsistencies", []):
                counts[(f"{x}-{y}", "inconsistency")] += 1
                messages.append(f"{story['title']} {x}-{y}: {i['message']}")
pairs = 2 * len(stories)
for (levels, kind), n in sorted(counts.items()):
    print(f"{levels:8} {kind:14} {n:5}")
conflicts = sum(n for (_, k), n in counts.items() if k != "inconsistency")
inconsistent = sum(n for (_, k), n in counts.items() if k == "inconsistency")
print(f"pairs={pairs} conflicts={conflicts} ({conflicts / pairs:.2f}/pair) inconsistencies={inconsistent} ({inconsistent / pairs:.2f}/pair)")
if len(sys.argv) > 2:
    open(sys.argv[2], "w", encoding="utf-8").write("\n".join(messages) + "\n")
