#!/usr/bin/env python3
"""batch_pairs: writes N article pairs (1-5 KB each) and manifest.jsonl into a folder.

Input: the sentences of tests/fixtures/example/*.txt plus the sentences written below (no
corpus text). Output: DIR/NNNNN-a.txt, DIR/NNNNN-b.txt and DIR/manifest.jsonl (relative
paths). Seeded (random.Random(SEED)), so the same arguments give the same files.
Usage: scripts/batch_pairs.py DIR [N=10000] [SEED=4]
"""
import json, os, random, re, sys

OWN = """The council met on Tuesday to discuss the budget for the coming year.
Officials said the new road would open in the spring of 2025.
About 3,400 people signed the petition within two days.
The mayor, Ana Ferreira, said the plan was "a fair deal for everyone".
Police said no one was injured in the fire at the warehouse.
The company reported a profit of $12.5 million, up 8 percent from last year.
Residents were told to boil their water until further notice.
The trial is expected to last three weeks, the court said.
Schools in the district will close early on Friday because of the storm.
A spokesman for the ministry declined to comment on the report.
The bridge carries roughly 20,000 vehicles a day.
Talks between the two unions broke down late on Sunday night.
The museum will reopen on June 1 after a two-year renovation.
Prices rose 2.3 percent in March, the statistics office said.
The ferry service was suspended after the engine failed near the harbour.
Local farmers said the drought had cut their harvest by half.""".splitlines()

def main():
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 4)
    here = os.path.dirname(os.path.abspath(__file__))
    pool = list(OWN)
    for side in ("a", "b"):
        with open(os.path.join(here, "..", "tests", "fixtures", "example", side + ".txt")) as f:
            pool += [s.strip() for s in re.split(r"(?<=[.!?])\s+", f.read()) if len(s.strip()) > 20]
    os.makedirs(out, exist_ok=True)
    names = ["Maria Lopez", "John Okafor", "Li Wei", "Sara Berg", "Tom Novak"]
    with open(os.path.join(out, "manifest.jsonl"), "w") as m:
        for i in range(n):
            target = rng.randint(1000, 5000)
            sents = []
            while sum(len(s) + 1 for s in sents) < target:
                s = rng.choice(pool)
                s = re.sub(r"\d+", lambda _: str(rng.randint(2, 999)), s)
                sents.append(s)
            a = [rng.choice(names).split()[1].upper() + " - " + sents[0]] + sents[1:]
            b = list(a)
            for _ in range(rng.randint(0, 4)):
                k = rng.randrange(len(b))
                op = rng.random()
                if op < 0.3:
                    b[k] = re.sub(r"\d+", lambda _: str(rng.randint(2, 999)), b[k], count=1)
                elif op < 0.55:
                    del b[k]
                    if not b:
                        b = [rng.choice(pool)]
                elif op < 0.8:
                    b.insert(k, rng.choice(pool))
                else:
                    b[k] = b[k].replace(" the ", " a ", 1)
            for side, body in (("a", a), ("b", b)):
                paras = [" ".join(body[j:j + 3]) for j in range(0, len(body), 3)]
                with open(os.path.join(out, f"{i:05}-{side}.txt"), "w") as f:
                    f.write("\n\n".join(paras) + "\n")
            m.write(json.dumps({"a": f"{i:05}-a.txt", "b": f"{i:05}-b.txt"}) + "\n")

main()
