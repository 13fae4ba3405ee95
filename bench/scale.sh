#!/usr/bin/env bash
# The lean-core figures (issue 12) on generated collections (bench/make-collection):
#  - EPUB of 500 articles against pandoc in the same run (hyperfine), with
#    each one's peak memory (/usr/bin/time);
#  - pamphlet's EPUB peak memory at 500 and at 2,000 articles (flat?);
#  - the a4-handout PDF of 500 articles: time and peak memory.
# pandoc gets the same Markdown files of the language, the same fonts and cover.
#   bench/scale.sh [RUNS]        (needs: scripts/setup --bench; default 3 runs)
#   PAMPHLET=path/to/pamphlet uses that binary instead of a release build.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
lang=de
source bench/lib.sh
bench_require pandoc hyperfine
[[ -x /usr/bin/time ]] || { echo "bench: /usr/bin/time is missing; run scripts/setup --bench" >&2; exit 1; }
bin=$(bench_binary)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
for n in 500 2000; do bench/make-collection $n "$work/c$n"; done
# The 40 MB just generated go to the disk before anything is timed: an
# output's fsync (pamphlet flushes before it replaces) would otherwise wait
# for that writeback too (ext4 commits them in one journal transaction).
sync
mapfile -t articles < <(bench_articles "$work/c500" "$lang")
fonts=()
for f in fonts/CharisSIL-*.ttf fonts/Lato-Regular.ttf fonts/Lato-Bold.ttf; do fonts+=(--epub-embed-font="$f"); done
pandoc_cmd="pandoc --from markdown --to epub3 --resource-path=$work/c500/articles --epub-cover-image=$work/c500/images/cover.png ${fonts[*]} --metadata title=Bench --metadata lang=$lang -o $work/pandoc.epub ${articles[*]}"
pamphlet_cmd="$bin build $work/c500 -f epub -l $lang -q --force -o $work/out"
hyperfine --warmup 1 --runs "$runs" --export-markdown "$work/result.md" \
  --command-name "pamphlet, EPUB, 500 articles" "$pamphlet_cmd" \
  --command-name "pandoc, EPUB, 500 articles" "$pandoc_cmd" >/dev/null
cat "$work/result.md"
echo
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# peak LABEL COMMAND...: median wall seconds and peak MiB over $runs runs
peak() {
  local label=$1 r
  shift
  : >"$work/times"
  for ((r = 0; r < runs; r++)); do
    /usr/bin/time -f "%e %M" -o "$work/last" "$@" >/dev/null
    cat "$work/last" >>"$work/times"
  done
  printf '| %s | %s s | %s MiB |\n' "$label" "$(cut -d' ' -f1 "$work/times" | median)" \
    "$(cut -d' ' -f2 "$work/times" | median | awk '{ printf "%.1f", $1 / 1024 }')"
}
echo "| run | wall (median) | peak RSS (median) |"
echo "|---|---:|---:|"
peak "pandoc, EPUB, 500 articles" $pandoc_cmd
for n in 500 2000; do
  peak "pamphlet, EPUB, $n articles" "$bin" build "$work/c$n" -f epub -l $lang -q --force -o "$work/out$n"
done
peak "pamphlet, PDF a4-handout, 500 articles" \
  "$bin" build "$work/c500" -f pdf -l $lang -p a4-handout -q --force -o "$work/out500"
echo
echo "pages: $(pdfinfo "$work/out500/clinic-$lang-a4-handout.pdf" 2>/dev/null | sed -n 's/^Pages: *//p') (PDF, 500 articles)"
echo "sizes: pamphlet $(stat -c %s "$work/out500/clinic-$lang.epub") bytes, pandoc $(stat -c %s "$work/pandoc.epub") bytes (EPUB, 500 articles)"
