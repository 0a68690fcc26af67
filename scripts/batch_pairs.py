#!/usr/bin/env python3
"""batch_pairs: writes N article pairs (1-5 KB each) and manifest.jsonl into a folder.

Superseded by the Rust generator that the benchmarks share (the gen_pairs binary of eval/ over
eval/src/pairgen.rs, which holds the sentences this script used to hold); kept so the
command of the first batch run (BENCHMARKS.md, "Earlier figures") still works. The files differ
from the ones this script wrote before (another generator), but are again seeded: the same
arguments give the same files.
Usage: scripts/batch_pairs.py DIR [N=10000] [SEED=4]
"""
import os, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
args = ["batch", os.path.abspath(sys.argv[1])] + sys.argv[2:4] if len(sys.argv) > 1 else []
if not args:
    sys.exit(__doc__)
sys.exit(subprocess.call(
    ["cargo", "run", "--quiet", "--release", "-p", "storydiff-eval", "--bin", "gen_pairs", "--"] + args,
    cwd=os.path.join(here, "..")))
