#!/usr/bin/env bash
# identity: records what a storydiff binary prints on a fixed set of inputs, so that a refactor
# can show its output is byte-identical (issue 10; BENCHMARKS.md, "Is the output the same?").
#
#   scripts/identity.sh BIN OUTDIR      # e.g. a copy of the release binary before the change
#   scripts/identity.sh BIN2 OUTDIR2    # after it
#   diff -r OUTDIR OUTDIR2              # must print nothing
#
# For each input, `--format json` and `--color never --width 100` text, each with stderr and
# the exit code: every fixture pair of tests/fixtures, the seed pair (plain, reversed and with
# --date 2024-04-26), the 18 real pairs both ways and the first 80 OneStopEnglish stories
# (advanced against intermediate) when ../shared is present, and 300 generated pairs through
# `storydiff batch` with all workers and with --jobs 1 (timing line left out). Inputs other
# than the fixtures are written once to target/identity-inputs (generated pairs by gen_pairs,
# seeded), the same path for every recording, since reports name their inputs' paths.
# A 302-file recording takes about 10 s.
set -uo pipefail
BIN=$(realpath "$1")
OUT=$(realpath -m "$2")
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
IN=target/identity-inputs
mkdir -p "$OUT" "$IN"

emit() { # name a b extra...
    local name=$1 a=$2 b=$3
    shift 3
    "$BIN" --format json "$@" "$a" "$b" >"$OUT/$name.json" 2>&1
    echo "rc=$?" >>"$OUT/$name.json"
    "$BIN" --color never --width 100 "$@" "$a" "$b" >"$OUT/$name.txt" 2>&1
    echo "rc=$?" >>"$OUT/$name.txt"
}

for d in tests/fixtures/*/; do
    f=$(ls "$d" | grep -E '^a\.' | head -1)
    g=$(ls "$d" | grep -E '^b\.' | head -1)
    [ -n "$f" ] && [ -n "$g" ] && emit "fx_$(basename "$d")" "$d$f" "$d$g"
done

S=$SHARED/seeds
if [ -f "$S/000_3d2a522fcf6b1ab9.txt" ]; then
    emit seed "$S/000_3d2a522fcf6b1ab9.txt" "$S/001_ca9eb8ab0e1e27f4.txt"
    emit seed_rev "$S/001_ca9eb8ab0e1e27f4.txt" "$S/000_3d2a522fcf6b1ab9.txt"
    emit seed_date "$S/000_3d2a522fcf6b1ab9.txt" "$S/001_ca9eb8ab0e1e27f4.txt" --date 2024-04-26
else
    echo "SKIPPED identity: the seed pair ($S) is absent"
fi
for c in "$SHARED"/corpora/real-pairs/*/; do
    [ -f "$c/a.txt" ] || continue
    emit "rp_$(basename "$c")" "$c/a.txt" "$c/b.txt"
    emit "rpr_$(basename "$c")" "$c/b.txt" "$c/a.txt"
done
OSE=$SHARED/corpora/onestopenglish/texts.jsonl
if [ -f "$OSE" ]; then
    python3 - "$OSE" "$IN" <<'EOF'
import json, sys
stories = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
for i, s in enumerate(stories[:80]):
    for level in ("adv", "int"):
        open(f"{sys.argv[2]}/{i}-{level}.txt", "w", encoding="utf-8").write(s[level])
EOF
    for i in $(seq 0 79); do
        emit "ose_$i" "$IN/$i-adv.txt" "$IN/$i-int.txt"
    done
else
    echo "SKIPPED identity: OneStopEnglish ($OSE) is absent"
fi

# Generated pairs through batch; the summary's timing line is left out.
GEN=target/release/gen_pairs
[ -x "$GEN" ] || cargo build --release --quiet -p storydiff-eval --bin gen_pairs
[ -f "$IN/gen/manifest.jsonl" ] || "$GEN" batch "$IN/gen" 300 >/dev/null
for j in "" "--jobs 1"; do
    f="$OUT/batch${j:+1}.jsonl"
    # shellcheck disable=SC2086 # $j is empty or two words
    "$BIN" batch $j "$IN/gen/manifest.jsonl" >"$f.raw" 2>&1
    rc=$?
    grep -v "pairs/s" "$f.raw" >"$f"
    rm "$f.raw"
    echo "rc=$rc" >>"$f"
done
echo "identity: $(find "$OUT" -maxdepth 1 -type f | wc -l) files in $OUT"
