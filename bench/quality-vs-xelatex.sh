#!/usr/bin/env bash
# Justification quality against XeLaTeX on the same text, set alike (see
# bench/lib.sh: same font, size, leading, measure, hyphenation patterns):
# both PDFs are measured the same way from pdftotext's word boxes
# (bench/word-gaps.awk) — the word spaces of justified body lines: their
# median, spread, the share of lines with a conspicuously wide space, and
# the share of lines ending in a hyphen — plus each tool's own count of
# overfull lines (pamphlet's `--stats`, XeLaTeX's "Overfull \hbox" warnings).
# Texts: the sample collection, and in German a long article
# (bench/texts/back-pain, about 4,600 words). Prints a Markdown table.
#   bench/quality-vs-xelatex.sh [LANG]   (needs: scripts/setup --bench)
#   PAMPHLET=path/to/pamphlet uses that binary instead of a release build.
#   PROFILE=name-or-file.yaml sets pamphlet's side with that profile (default
#   a4-handout), e.g. to measure with breaking.font_expansion: 0.
set -euo pipefail
cd "$(dirname "$0")/.."
lang=${1:-de}
source bench/lib.sh
bench_require pandoc xelatex pdftotext awk
bin=$(bench_binary)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

texts=(samples/clinic)
[[ -f bench/texts/back-pain/articles/back-pain.$lang.md ]] && texts+=(bench/texts/back-pain)

echo "| text | tool | justified lines measured | median space (pt) | sd (pt) | p95 / median | lines with a space > 1.5× median | hyphenated lines | overfull lines |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|"
for collection in "${texts[@]}"; do
  text=$(basename "$collection")
  out=$work/$text
  mkdir -p "$out/tex"
  "$bin" build "$collection" -f pdf -l "$lang" -p "${PROFILE:-a4-handout}" -q --stats -o "$out/pamphlet" >"$out/stats.txt" 2>"$out/pamphlet.log" ||
    { cat "$out/pamphlet.log" >&2; exit 1; }
  mapfile -t articles < <(bench_articles "$collection" "$lang")
  bench_latex "$out/tex" "$lang" "${articles[@]}"
  # Body words only: the front matter is not set as running text by pandoc.
  words=$(awk 'FNR == 1 { front = 0 } /^---$/ { front++; next } front >= 2' "${articles[@]}" | wc -w)
  for tool in pamphlet xelatex; do
    if [[ $tool == pamphlet ]]; then
      pdf=$(echo "$out/pamphlet/"*.pdf)
      overfull=$(awk '/overfull lines/ { n += $NF } END { print n + 0 }' "$out/stats.txt")
    else
      tex=$out/tex
      pdf=$tex/brochure.pdf
      overfull=$(grep -c '^Overfull \\hbox' "$tex/brochure.log" || true)
    fi
    pdftotext -enc UTF-8 -bbox-layout "$pdf" "$out/words.html"
    awk -v name="$text ($lang, $words words) | $tool" -v margin="$bench_margin_pt" \
      -f bench/word-gaps.awk "$out/words.html"
    echo "| $overfull |"
  done
done
