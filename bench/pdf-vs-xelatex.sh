#!/usr/bin/env bash
# PDF export speed against XeLaTeX, measured in the same run on the same text:
# the sample collection's articles of one language, converted to LaTeX once by
# pandoc (not timed), set in the same fonts (Charis SIL, Lato headings) at the
# same size, leading and margins as the a4-handout profile. One XeLaTeX run
# (no table of contents to resolve) against one `pamphlet build -f pdf`.
#   bench/pdf-vs-xelatex.sh [LANG]      (needs: scripts/setup --bench)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
lang=${1:-de}
source bench/lib.sh
bench_require pandoc hyperfine xelatex
cmake --preset release >/dev/null && cmake --build --preset release >/dev/null
bin=$root/build/release/pamphlet
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mapfile -t articles < <(bench_articles samples/clinic "$lang")
bench_latex "$work" "$lang" "${articles[@]}"
hyperfine --warmup 2 --min-runs 10 --export-markdown "$work/result.md" \
  --command-name pamphlet "$bin build samples/clinic -f pdf -l $lang -q -o $work/out" \
  --command-name xelatex "cd $work && xelatex -interaction=batchmode brochure.tex"
cat "$work/result.md"
echo
echo "pages: pamphlet $(pdfinfo "$work/out/clinic-$lang-a4-handout.pdf" | sed -n 's/^Pages: *//p') (with cover and back page), xelatex $(pdfinfo "$work/brochure.pdf" | sed -n 's/^Pages: *//p')"
echo "sizes: pamphlet $(stat -c %s "$work/out/clinic-$lang-a4-handout.pdf") bytes, xelatex $(stat -c %s "$work/brochure.pdf") bytes"
