#!/usr/bin/env bash
# bench: end-to-end speed and memory of storydiff beside git diff --word-diff, wdiff and dwdiff
# (issue 4). For people, not CI: .ci/run never calls it, and its figures depend on the machine.
#
# Installs (if missing) Debian's hyperfine, wdiff, dwdiff and time; builds release; writes the
# inputs with the `gen_pairs` binary of eval/ (seeded) into bench-out/; then
#   - one hyperfine run per input (so the ratios come from one run): storydiff --format json,
#     storydiff text, git diff --no-index --word-diff, wdiff, dwdiff; inputs: the built-in
#     example pair, three 1–5 KB article pairs, 1 MB and 10 MB stories against a lightly edited
#     and a heavily reworded copy;
#   - peak memory (/usr/bin/time -v, in the same run) of storydiff on the 1 MB and 10 MB pairs;
#   - storydiff batch on 10,000 generated article pairs (pairs/s);
#   - the hostile inputs (100,000 one-word sentences, one 10 MB sentence, one sentence 50,000
#     times): time, peak memory and the alignment-fallback notes.
# Results: bench-out/results/ (hyperfine JSON and Markdown, time -v logs) and
# bench-out/summary.md, which is also printed at the end.
#
# QUICK=1 scripts/bench.sh   fewer runs, no 10 MB inputs, 1,000 batch pairs, 60 s / 30 s caps
# CAP_LONG=300 CAP=120 MEM_LIMIT_KB=12000000 (defaults): limits of one storydiff run on 1 MB inputs, on
#   10 MB and hostile inputs, and its memory (ulimit -v); a run past them is reported as such.
set -euo pipefail
cd "$(dirname "$0")/.."

QUICK=${QUICK:-0}
OUT=bench-out
RES=$OUT/results
SD=$PWD/target/release/storydiff
GEN=$PWD/target/release/gen_pairs
mkdir -p "$RES"

# --- tools ------------------------------------------------------------------------------------
missing=()
for t in hyperfine wdiff dwdiff; do command -v "$t" >/dev/null || missing+=("$t"); done
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
    echo "== installing ${missing[*]}"
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi

# --- build and inputs -------------------------------------------------------------------------
echo "== cargo build --release"
cargo build --release --locked --workspace --bin storydiff --bin gen_pairs

echo "== inputs"
cp tests/fixtures/example/a.txt "$OUT/example-a.txt"
cp tests/fixtures/example/b.txt "$OUT/example-b.txt"
for seed in 1 2 3; do
    "$GEN" article "$OUT/article$seed" "$seed"
done
LONG_SIZES="1000000"
[ "$QUICK" = 1 ] || LONG_SIZES="1000000 10000000"
for size in $LONG_SIZES; do
    [ -f "$OUT/long-$size-heavy.txt" ] || "$GEN" long "$OUT" "$size"
done
BATCH_N=10000
[ "$QUICK" = 1 ] && BATCH_N=1000
[ -f "$OUT/batch-$BATCH_N/manifest.jsonl" ] || "$GEN" batch "$OUT/batch-$BATCH_N" "$BATCH_N"
[ -f "$OUT/hostile/repeated-b.txt" ] || "$GEN" hostile "$OUT/hostile"

# --- machine ----------------------------------------------------------------------------------
{
    echo "nproc: $(nproc)"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
    echo "memory: $(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
    echo "load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "storydiff: $(git rev-parse --short HEAD)$(git diff --quiet -- src || echo ' (src modified)')"
    echo "versions: $(hyperfine --version), $(git --version), $(wdiff --version | head -1), $(dwdiff --version 2>&1 | head -1)"
} > "$RES/machine.txt"
cat "$RES/machine.txt"

# --- end to end, one hyperfine run per input ---------------------------------------------------
# -N: no shell in between (the small inputs take milliseconds); -i: diff tools exit 1 when
# the files differ.
compare_small() { # NAME A B RUNS
    local name=$1 a=$2 b=$3 runs=$4
    echo "== $name: $(wc -c <"$a") + $(wc -c <"$b") bytes"
    hyperfine -N -i --warmup 1 --runs "$runs" --style basic \
        --export-json "$RES/$name.json" --export-markdown "$RES/$name.md" \
        -n "storydiff json" "$SD $a $b --format json" \
        -n "storydiff text" "$SD $a $b --color never --no-pager" \
        -n "git diff --word-diff" "git diff --no-index --word-diff $a $b" \
        -n "wdiff" "wdiff $a $b" \
        -n "dwdiff" "dwdiff $a $b"
}
# Long inputs: storydiff runs under capped.sh (a time limit, a memory limit so that a quadratic
# allocation fails instead of pushing the machine into swap, and GNU time -v for peak memory of
# that very run); the text format is left out (same pipeline, one more render) to keep the
# script short while storydiff takes minutes per megabyte.
CAP_LONG=${CAP_LONG:-300}   # seconds, 1 MB inputs
CAP=${CAP:-120}             # seconds, 10 MB and hostile inputs
MEM_LIMIT_KB=${MEM_LIMIT_KB:-12000000}
[ "$QUICK" = 1 ] && { CAP_LONG=60; CAP=30; }
cat > "$OUT/capped.sh" <<CAPPED
#!/usr/bin/env bash
# capped.sh LOG SECONDS COMMAND...: COMMAND under ulimit -v $MEM_LIMIT_KB KB and a time limit,
# with /usr/bin/time -v written to LOG (exit 124: time limit; 134: out of memory).
log=\$1 cap=\$2; shift 2
ulimit -v $MEM_LIMIT_KB
exec /usr/bin/time -v -o "\$log" timeout "\$cap" "\$@"
CAPPED
chmod +x "$OUT/capped.sh"
compare_long() { # NAME A B RUNS CAP
    local name=$1 a=$2 b=$3 runs=$4 cap=$5
    echo "== $name: $(wc -c <"$a") + $(wc -c <"$b") bytes (storydiff capped at $cap s)"
    hyperfine -N -i --runs "$runs" --style basic \
        --export-json "$RES/$name.json" --export-markdown "$RES/$name.md" \
        -n "storydiff json" "$OUT/capped.sh $RES/mem-$name.txt $cap $SD $a $b --format json" \
        -n "git diff --word-diff" "git diff --no-index --word-diff $a $b" \
        -n "wdiff" "wdiff $a $b" \
        -n "dwdiff" "dwdiff $a $b"
    grep -E 'Exit status|terminated by signal|Maximum resident|Elapsed' "$RES/mem-$name.txt" || true
}
small_runs=30
[ "$QUICK" = 1 ] && small_runs=10
compare_small example "$OUT/example-a.txt" "$OUT/example-b.txt" $small_runs
for seed in 1 2 3; do
    compare_small "article$seed" "$OUT/article$seed/article-a.txt" "$OUT/article$seed/article-b.txt" $small_runs
done
for size in $LONG_SIZES; do
    cap=$CAP_LONG; [ "$size" -ge 10000000 ] && cap=$CAP
    for kind in light heavy; do
        compare_long "long-$size-$kind" "$OUT/long-$size-a.txt" "$OUT/long-$size-$kind.txt" 1 "$cap"
    done
done

# --- batch ------------------------------------------------------------------------------------
echo "== storydiff batch, $BATCH_N pairs, $(nproc) cores"
batch_runs=3; [ "$QUICK" = 1 ] && batch_runs=2
hyperfine -N -i --warmup 0 --runs $batch_runs --style basic --export-json "$RES/batch.json" \
    -n "storydiff batch ($BATCH_N pairs)" \
    "$SD batch $OUT/batch-$BATCH_N/manifest.jsonl --quiet"

# --- hostile inputs ---------------------------------------------------------------------------
for h in words sentence repeated; do
    echo "== hostile $h (capped at $CAP s)"
    "$OUT/capped.sh" "$RES/hostile-$h.time" "$CAP" \
        "$SD" "$OUT/hostile/$h-a.txt" "$OUT/hostile/$h-b.txt" --format json \
        >"$RES/hostile-$h.json" || true
    grep -E 'Exit status|terminated by signal|Maximum resident|Elapsed' "$RES/hostile-$h.time" || true
done

echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$RES/machine.txt"
python3 scripts/bench_summary.py "$OUT" "$BATCH_N" $LONG_SIZES > "$OUT/summary.md"
cat "$OUT/summary.md"
