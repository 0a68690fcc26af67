#!/usr/bin/env python3
"""List what storydiff misses on the annotated real pairs, case by case, for reading by hand.

usage: scripts/real-pairs-misses.py BIN CASE_DIR [CASE_DIR ...]
  WHAT=aligned,only,conf,false (default all): missed sentence pairs, one-sided sentences that
  were paired, annotated conflicts not found, conflicts raised that the annotation lacks.
Uses score.py's own snippet matching (../shared/corpora/real-pairs/, or REAL_PAIRS=DIR).
"""
import json, os, subprocess, sys
sys.path.insert(0, os.environ.get('REAL_PAIRS', os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'shared', 'corpora', 'real-pairs')))
import score
binary = sys.argv[1]; cases = sys.argv[2:]
what = os.environ.get("WHAT", "aligned,only,conf,false")
for case in sorted(cases):
    exp = json.load(open(os.path.join(case, "expected.json")))
    a_text = open(os.path.join(case, "a.txt")).read(); b_text = open(os.path.join(case, "b.txt")).read()
    out = json.loads(subprocess.run([binary, "--format", "json", "--color", "never", os.path.join(case,"a.txt"), os.path.join(case,"b.txt")], capture_output=True).stdout)
    A = {s["id"]: s["text"] for s in out["a"]["sentences"]}; B = {s["id"]: s["text"] for s in out["b"]["sentences"]}
    ra, rb = {}, {}
    for r in out["alignment"]:
        for i in r["a"]: ra[i] = r
        for j in r["b"]: rb[j] = r
    name = os.path.basename(case.rstrip('/'))
    def rs(r): return f'{r["op"]} a{r["a"]} b{r["b"]} {r["similarity"]}'
    if "aligned" in what:
        for sa, sb in exp["aligned"]:
            ia = score.sentence_at(out["a"], score.locate(a_text, sa)); ib = score.sentence_at(out["b"], score.locate(b_text, sb))
            r = ra.get(ia)
            if r and r["op"] in ("equal","edited","moved") and ib in r["b"]: continue
            print(f"[{name}] MISS-ALIGN A{ia} <-> B{ib}\n   A: {A[ia][:200]}\n   B: {B[ib][:200]}\n   rowA: {rs(ra[ia])}  rowB: {rs(rb[ib])}")
    if "only" in what:
        for key, side, text, op, idx, S in (("only_in_a","a",a_text,"dropped",ra,A),("only_in_b","b",b_text,"added",rb,B)):
            for snip in exp[key]:
                i = score.sentence_at(out[side], score.locate(text, snip))
                if idx[i]["op"] != op: print(f"[{name}] MISS-{op} {side}{i}: {S[i][:150]}  row: {rs(idx[i])}")
    claims = [c for c in out["claims"] if c["change"]=="changed"]
    exps = []
    for c in exp["changed_claims"]:
        sa, sb = score.locate(a_text, c["a"]), score.locate(b_text, c["b"])
        exps.append((sa, sb, score.sentence_at(out["a"], sa), score.sentence_at(out["b"], sb), c))
    def m(cl, w):
        sa,sb,ia,ib,_ = w; ca, cb = cl.get("a"), cl.get("b")
        if ca is None or cb is None: return False
        return (score.overlaps(score.span_of(ca), sa) or ca["sentence"]==ia) and (score.overlaps(score.span_of(cb), sb) or cb["sentence"]==ib)
    if "conf" in what:
        for w in exps:
            if not any(m(c,w) for c in claims):
                print(f"[{name}] MISSED-CONFLICT {w[4]['kind']} A{w[2]} B{w[3]}: {w[4]['note'][:200]}\n   A: {A[w[2]][:250]}\n   B: {B[w[3]][:250]}")
    if "false" in what:
        for c in claims:
            if c["severity"]=="conflict" and not any(m(c,w) for w in exps):
                print(f"[{name}] FALSE {c['kind']} A{c['a']['sentence']} B{c['b']['sentence']}: {c['message'][:200]}\n   A: {A[c['a']['sentence']][:200]}\n   B: {B[c['b']['sentence']][:200]}")
