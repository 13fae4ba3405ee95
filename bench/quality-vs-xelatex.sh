#!/usr/bin/env bash
# Justification quality against XeLaTeX on the same text, set alike (see
# bench/lib.sh): both PDFs are measured the same way from pdftotext's word
# boxes (bench/word-gaps.awk) — the spaces of justified lines: their median,
# spread, the share of lines with a conspicuously wide gap, and how many
# lines end in a hyphen. Runs on the samples and on a long text (every
# article three times).
#   bench/quality-vs-xelatex.sh [LANG]   (needs: scripts/setup --bench)
#   PAMPHLET=path/to/pamphlet uses that binary instead of a release build.
set -euo pipefail
cd "$(dirname "$0")/.."
lang=${1:-de}
source bench/lib.sh
bench_require pandoc xelatex pdftotext awk
if [[ -n ${PAMPHLET:-} ]]; then
  bin=$(realpath "$PAMPHLET")
else
  cmake --preset release >/dev/null && cmake --build --preset release >/dev/null
  bin=$PWD/build/release/pamphlet
fi
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

# The long text: a copy of the collection whose articles appear three times.
long=$work/long
cp -r samples/clinic "$long"
ids=$(sed -n '/^articles:/,/^[a-z]/s/^  - //p' samples/clinic/collection.yaml)
{
  sed '/^articles:/,$d' samples/clinic/collection.yaml
  echo "articles:"
  for copy in 1 2 3; do
    for id in $ids; do
      if [[ $copy != 1 ]]; then
        for md in "$long/articles/$id".*.md; do
          sed "s|^url: .*|&-$copy|" "$md" >"${md/$id./$id-$copy.}"
        done
      fi
      [[ $copy == 1 ]] && echo "  - $id" || echo "  - $id-$copy"
    done
  done
  sed -n '/^articles:/,$p' samples/clinic/collection.yaml | sed '1d' | sed -n '/^[a-z]/,$p'
} >"$long/collection.yaml"

echo "| text | tool | lines measured | median gap (pt) | sd (pt) | p95 / median | lines with a gap > 1.5× median | hyphenated lines |"
echo "|---|---|---:|---:|---:|---:|---:|---:|"
for text in samples long; do
  collection=$([[ $text == samples ]] && echo samples/clinic || echo "$long")
  out=$work/$text
  mkdir -p "$out/tex"
  "$bin" build "$collection" -f pdf -l "$lang" -q -o "$out/pamphlet" 2>"$out/pamphlet.log" ||
    { cat "$out/pamphlet.log" >&2; exit 1; }
  mapfile -t articles < <(bench_articles "$collection" "$lang")
  bench_latex "$out/tex" "$lang" "${articles[@]}"
  words=$(cat "${articles[@]}" | wc -w)
  for tool in pamphlet xelatex; do
    pdf=$([[ $tool == pamphlet ]] && echo "$out/pamphlet/"*.pdf || echo "$out/tex/brochure.pdf")
    pdftotext -enc UTF-8 -bbox-layout "$pdf" "$out/$tool.html"
    awk -v name="$text ($lang, ~$words words) | $tool" -f bench/word-gaps.awk "$out/$tool.html"
  done
done
