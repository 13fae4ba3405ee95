#!/usr/bin/env bash
# A marketing batch on every core: a generated collection of N articles
# (bench/make-collection), all five profiles, both formats, built with
# -j 2 against -j 1 in the same run, runs alternated, medians reported with
# each one's peak memory (/usr/bin/time). Then a second run with nothing
# changed (incremental), and the same collection's one-handout-per-article
# batch (--article all).
#   bench/batch-parallel.sh [N] [RUNS]     (default 200 articles, 5 runs each)
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${1:-200}
runs=${2:-5}
[[ -x /usr/bin/time ]] || { echo "bench: /usr/bin/time is missing; run scripts/setup --bench" >&2; exit 1; }
cmake --preset release >/dev/null && cmake --build --preset release >/dev/null
bin=$PWD/build/release/pamphlet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bench/make-collection "$articles" "$work/collection"
profiles=(-p a4-handout -p a4-two-column -p letter-handout -p a5-booklet -p large-print)

# measure LABEL ARGS...: one run's wall seconds and peak KiB, appended to $work/LABEL
measure() {
  local label=$1
  shift
  /usr/bin/time -f "%e %M" -o "$work/last" "$bin" build "$work/collection" -q "$@"
  cat "$work/last" >>"$work/$label"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

measure warmup -o "$work/out1" "${profiles[@]}" -j 1 --force
for ((r = 0; r < runs; r++)); do
  measure j1 -o "$work/out1" "${profiles[@]}" -j 1 --force
  measure j2 -o "$work/out2" "${profiles[@]}" -j 2 --force
done
diff -r -q -x 'pamphlet-manifest*' "$work/out1" "$work/out2" >/dev/null ||
  { echo "bench: -j 2 wrote other bytes than -j 1" >&2; exit 1; }
for ((r = 0; r < runs; r++)); do measure unchanged -o "$work/out2" "${profiles[@]}" -j 2; done
measure handouts1 -o "$work/handouts" "${profiles[@]}" --article all -j 1 --force
measure handouts2 -o "$work/handouts" "${profiles[@]}" --article all -j 2 --force

j1=$(cut -d' ' -f1 "$work/j1" | median)
j2=$(cut -d' ' -f1 "$work/j2" | median)
m1=$(cut -d' ' -f2 "$work/j1" | median)
m2=$(cut -d' ' -f2 "$work/j2" | median)
unchanged=$(cut -d' ' -f1 "$work/unchanged" | median)
jobs=$(grep -c '"current":true' "$work/out2/pamphlet-manifest.jsonl")
handout_jobs=$(grep -c '"current":true' "$work/handouts/pamphlet-manifest.jsonl")
read -r h1 _ <"$work/handouts1"
read -r h2 _ <"$work/handouts2"
cores=$(nproc)
awk -v n="$articles" -v jobs="$jobs" -v runs="$runs" -v cores="$cores" \
  -v j1="$j1" -v j2="$j2" -v m1="$m1" -v m2="$m2" -v u="$unchanged" \
  -v hj="$handout_jobs" -v h1="$h1" -v h2="$h2" 'BEGIN {
  printf "%d articles, 5 profiles, EPUB + PDF: %d outputs; %d cores; medians of %d alternated runs\n", n, jobs, cores, runs
  printf "| run | wall | peak memory |\n|---|---:|---:|\n"
  printf "| -j 1 | %.2f s | %.0f MiB |\n", j1, m1 / 1024
  printf "| -j 2 | %.2f s | %.0f MiB |\n", j2, m2 / 1024
  printf "| -j 2, nothing changed | %.2f s | |\n", u
  printf "-j 2 against -j 1: %.2fx faster, %.2fx the memory; a run with nothing changed takes %.1f %% of a full one\n", j1 / j2, m2 / m1, 100 * u / j2
  printf "--article all (%d handouts): -j 1 %.2f s, -j 2 %.2f s (%.2fx)\n", hj, h1, h2, h1 / h2
}'
