#!/usr/bin/env python3
"""Conflicts planted in real rewrites: how often storydiff finds a fact that B changes when the
rest of B is another outlet's own wording (the synthetic suite plants one edit in an otherwise
identical text, which is far easier).

usage: scripts/real-pairs-perturb.py STORYDIFF CASE_DIR...

For each real pair, the values both texts write alike (a figure such as "$750,000" or "90", a
weekday, a month name) are listed; for up to six of them per case (a fixed random choice), every
occurrence of that value in B is replaced by another one (a figure doubled plus three, a year
three earlier, a weekday or month two later) and the pair is compared again. The change counts
as found when a conflict's B side, or an inconsistency of B, holds the new value. Names: up to
three surnames per case that B writes after a title ("Mr. Grimm", "Rep. Bruce Braley") and A
also writes are replaced everywhere in B by "Kowalczyk"; found when a changed name holds it.

Not every planted change is a real conflict: a value both texts write may be two facts (A's
"Tuesday" dates one event, B's another), so 100 % is not the ceiling. Read the misses it
prints (MISSES=1) before trusting a figure. The ratio between two builds on the same plants is
the measure.
"""
import collections
import json
import os
import random
import re
import subprocess
import sys

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
FIGURE = re.compile(r"(?<![\w.,$])(\$?\d[\d,]*(?:\.\d+)?)(?!\w)")
# A surname: right after "Mr.", "Mrs.", "Ms.", "Dr.", or after a title and a given name ("Rep.
# Bruce Braley", "Sen. Tom A. Harkin").
TITLED = re.compile(r"\b(?:(?:Mr|Mrs|Ms|Dr)\. |(?:Rep|Sen|Gov)\. [A-Z][a-z]+ (?:[A-Z]\. )?)"
                    r"([A-Z][a-z]{2,})\b")
NEW_NAME = "Kowalczyk"


def compare(binary, a, b):
    out = subprocess.run([binary, "--format", "json", a, b], capture_output=True, check=False)
    return json.loads(out.stdout)


def plants(a_text, b_text):
    """(kind, old, new) for the values both texts write, once each."""
    found = []
    for m in FIGURE.finditer(b_text):
        v = m.group(1).rstrip(",")
        if v in a_text:
            found.append(("number", v))
    for w in WEEKDAYS + MONTHS:
        if re.search(r"\b" + w + r"\b", b_text) and w in a_text:
            found.append(("date", w))
    seen, out = set(), []
    for kind, v in found:
        if v in seen:
            continue
        seen.add(v)
        if kind == "number":
            digits = v.lstrip("$").replace(",", "")
            try:
                x = float(digits)
            except ValueError:
                continue
            if 1900 <= x <= 2100 and "." not in digits:
                new = str(int(x) - 3)
            elif x == int(x):
                new = ("$" if v.startswith("$") else "") + format(int(x * 2 + 3), ",")
            else:
                new = ("$" if v.startswith("$") else "") + format(round(x * 2 + 1.3, 2), ",")
        else:
            names = WEEKDAYS if v in WEEKDAYS else MONTHS
            new = names[(names.index(v) + 2) % len(names)]
        out.append((kind, v, new))
    return out


def main():
    binary, cases = sys.argv[1], sorted(sys.argv[2:])
    if not cases:
        print("SKIPPED real-pairs-perturb: no case folders given")
        return
    rng = random.Random(1)
    tally = collections.Counter()
    misses = []
    tmp = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"real-pairs-perturb-{os.getpid()}.txt")
    for case in cases:
        a_path, b_path = os.path.join(case, "a.txt"), os.path.join(case, "b.txt")
        a_text = open(a_path, encoding="utf-8").read()
        b_text = open(b_path, encoding="utf-8").read()
        base = compare(binary, a_path, b_path)
        base_conflicts = sum(1 for c in base["claims"] if c["severity"] == "conflict")
        chosen = plants(a_text, b_text)
        rng.shuffle(chosen)
        for kind, old, new in chosen[:6]:
            planted = re.sub(r"(?<![\w.,$])" + re.escape(old) + r"(?!\w)", new, b_text)
            with open(tmp, "w", encoding="utf-8") as f:
                f.write(planted)
            out = compare(binary, a_path, tmp)
            core = new.lstrip("$")
            hit = any(c["severity"] == "conflict" and c.get("b") and core in c["b"]["text"]
                      for c in out["claims"]) or any(
                i.get("side") == "b" and any(core in x["text"] for x in (i["first"], i["second"]))
                for i in out.get("inconsistencies", []))
            conflicts = sum(1 for c in out["claims"] if c["severity"] == "conflict")
            tally[(kind, hit)] += 1
            tally["other"] += max(0, conflicts - base_conflicts - (1 if hit else 0))
            if not hit:
                misses.append((os.path.basename(case.rstrip("/")), kind, old, new))
    if os.path.exists(tmp):
        os.remove(tmp)
    for case in cases:
        a_path, b_path = os.path.join(case, "a.txt"), os.path.join(case, "b.txt")
        a_text = open(a_path, encoding="utf-8").read()
        b_text = open(b_path, encoding="utf-8").read()
        surnames = sorted({m.group(1) for m in TITLED.finditer(b_text)
                           if re.search(r"\b" + m.group(1) + r"\b", a_text)})
        rng.shuffle(surnames)
        for old in surnames[:3]:
            planted = re.sub(r"\b" + old + r"\b", NEW_NAME, b_text)
            with open(tmp, "w", encoding="utf-8") as f:
                f.write(planted)
            out = compare(binary, a_path, tmp)
            hit = any(c["change"] == "changed" and c["kind"] in ("name", "place") and c.get("b")
                      and NEW_NAME in c["b"]["text"] for c in out["claims"])
            tally[("name", hit)] += 1
            if not hit:
                misses.append((os.path.basename(case.rstrip("/")), "name", old, NEW_NAME))
    if os.path.exists(tmp):
        os.remove(tmp)
    for kind in ("date", "number", "name"):
        n = tally[(kind, True)] + tally[(kind, False)]
        if n:
            print(f"{kind:7} planted {n:3}  found {tally[(kind, True)]:3}  "
                  f"({100 * tally[(kind, True)] / n:.0f} %)")
    print(f"other conflicts the plants raised: {tally['other']}")
    if os.environ.get("MISSES"):
        for m in misses:
            print("MISS", *m)


if __name__ == "__main__":
    main()
