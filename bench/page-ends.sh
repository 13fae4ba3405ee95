#!/usr/bin/env bash
# Pages that end evenly, against XeLaTeX on the same text set alike (see
# bench/lib.sh): the share of pages whose text ends more than one line
# (text.leading, 15.5 pt, and 2 pt for the tools' different descenders and
# rounding) above the bottom of the text area — not counting
# the last page of an article (each text here is one article) or pages
# without body text (cover, back page). Both PDFs are measured the same way
# from pdftotext's word boxes (bench/page-ends.awk). With them, from the same
# PDFs, the evenness of the word spaces (bench/word-gaps.awk: median and sd
# of the gaps of justified lines; CV = sd / median), so that a gain in page
# ends is not bought with uneven spacing.
# Texts: bench/texts/knee (German and English, about 2,700 words each, with
# headings and lists) and, in German, bench/texts/back-pain (about 4,600 words).
#   bench/page-ends.sh [LANG...]   (default: de en; needs scripts/setup --bench)
#   PAMPHLET=path/to/pamphlet uses that binary instead of a release build.
#   PROFILE=name-or-file.yaml sets pamphlet's side (default a4-handout).
#   VERBOSE=1 prints each page's shortfall on stderr.
set -euo pipefail
cd "$(dirname "$0")/.."
langs=("$@")
[[ ${#langs[@]} -gt 0 ]] || langs=(de en)
source bench/lib.sh
bench_require pandoc xelatex pdftotext awk
bin=$(bench_binary)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
# The bottom of the text area: A4, 30 mm bottom margin (both tools).
bottom=$(awk 'BEGIN { print 841.8898 - 30 * 72 / 25.4 }')
line=17.5

echo "| text | tool | pages counted | pages ending > 1 line short | share | median space (pt) | sd (pt) | CV |"
echo "|---|---|---:|---:|---:|---:|---:|---:|"
for lang in "${langs[@]}"; do
  declare -A total_counted=() total_short=()
  for collection in bench/texts/knee bench/texts/back-pain; do
    text=$(basename "$collection")
    [[ -f $collection/articles/$text.$lang.md ]] || continue
    out=$work/$lang-$text
    mkdir -p "$out/tex"
    "$bin" build "$collection" -f pdf -l "$lang" -p "${PROFILE:-a4-handout}" -q -o "$out/pamphlet" 2>"$out/pamphlet.log" ||
      { cat "$out/pamphlet.log" >&2; exit 1; }
    mapfile -t articles < <(bench_articles "$collection" "$lang")
    bench_latex "$out/tex" "$lang" "${articles[@]}"
    for tool in pamphlet xelatex; do
      if [[ $tool == pamphlet ]]; then pdf=$(echo "$out/pamphlet/"*.pdf); else pdf=$out/tex/brochure.pdf; fi
      pdftotext -enc UTF-8 -bbox-layout "$pdf" "$out/words.html"
      [[ -n ${VERBOSE:-} ]] && echo "$text ($lang) $tool:" >&2
      read -r counted short < <(awk -v bottom="$bottom" -v line="$line" -v verbose="${VERBOSE:-}" \
        -f bench/page-ends.awk "$out/words.html")
      total_counted[$tool]=$(( ${total_counted[$tool]:-0} + counted ))
      total_short[$tool]=$(( ${total_short[$tool]:-0} + short ))
      gaps=$(awk -v name=x -v margin="$bench_margin_pt" -f bench/word-gaps.awk "$out/words.html")
      # | x | lines | median | sd | ...
      median=$(echo "$gaps" | awk -F'|' '{ gsub(/ /, "", $4); print $4 }')
      sd=$(echo "$gaps" | awk -F'|' '{ gsub(/ /, "", $5); print $5 }')
      awk -v name="$text ($lang) | $tool" -v c="$counted" -v s="$short" -v m="$median" -v sd="$sd" \
        'BEGIN { printf "| %s | %d | %d | %.0f %% | %s | %s | %.3f |\n", name, c, s, c ? 100 * s / c : 0, m, sd, (m > 0 ? sd / m : 0) }'
    done
  done
  for tool in pamphlet xelatex; do
    awk -v name="**all ($lang)** | $tool" -v c="${total_counted[$tool]}" -v s="${total_short[$tool]}" \
      'BEGIN { printf "| %s | %d | %d | **%.0f %%** | | | |\n", name, c, s, c ? 100 * s / c : 0 }'
  done
  unset total_counted total_short
done
