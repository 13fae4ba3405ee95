#!/usr/bin/env bash
# PDF export speed against Typst 0.14.2, measured in the same run on the same
# text: bench/texts/back-pain (about 4,600 words of German patient-brochure
# prose), set by Typst like the a4-handout profile (A4, 25/30/35 mm margins,
# Charis SIL 11 pt on 15.5 pt baselines, justified, German hyphenation, Lato
# headings, page numbers). The text is turned into Typst markup here
# (headings and paragraphs are all it has; Typst's smart quotes give German
# „quotes“ as pamphlet does). Typst is typst.ts's Node.js compiler from npm
# (bench/typst/package.json pins it); its fonts come only from fonts/, as
# pamphlet's do.
# hyperfine times the whole commands (what a user waits for); Typst's own
# compile + PDF time inside Node.js (without Node.js starting) is printed too,
# as the stricter comparison.
#   bench/pdf-vs-typst.sh        (needs: scripts/setup --bench)
#   PAMPHLET=path/to/pamphlet uses that binary instead of a release build.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
source bench/lib.sh
bench_require hyperfine node npm
[[ -d bench/typst/node_modules ]] || (cd bench/typst && npm ci --no-audit --no-fund >/dev/null)
bin=$(bench_binary)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
text=bench/texts/back-pain/articles/back-pain.de.md
{
  cat <<'TYP'
#set document(title: "Rückenschmerzen verstehen und behandeln")
#set page(paper: "a4", margin: (top: 25mm, bottom: 30mm, x: 35mm),
  footer: context align(center, text(9pt, counter(page).display())))
#set text(font: "Charis SIL", size: 11pt, lang: "de", hyphenate: true, fill: rgb("#222222"))
#set par(justify: true, leading: 7.8pt, spacing: 13.8pt)
#show heading: set text(font: "Lato", fill: rgb("#1f5c7a"))
#show heading.where(level: 1): set text(size: 22pt)
#show heading.where(level: 2): set text(size: 15pt)
TYP
  # Front matter: its title becomes the first heading; the body follows.
  awk '
    NR == 1 && /^---$/ { front = 1; next }
    front && /^---$/ { front = 0; print "= " title; print ""; next }
    front { if (sub(/^title: */, "")) title = $0; next }
    /^## / { sub(/^## /, "== "); print; next }
    { gsub(/[\\#*_$@<`\[\]]/, "\\\\&"); print }
  ' "$text"
} >"$work/back-pain.typ"
node bench/typst/compile.mjs "$work/back-pain.typ" "$work/typst.pdf" fonts
hyperfine --warmup 3 --min-runs 15 --export-markdown "$work/result.md" \
  --command-name pamphlet "$bin build bench/texts/back-pain -f pdf -p a4-handout -q --force -o $work/out" \
  --command-name typst "node bench/typst/compile.mjs $work/back-pain.typ $work/typst.pdf fonts"
cat "$work/result.md"
echo
for _ in 1 2 3 4 5; do node bench/typst/compile.mjs "$work/back-pain.typ" "$work/typst.pdf" fonts --time 2>&1; done |
  sort -t' ' -k2 -n | sed -n 3p | sed 's/^/median of 5, inside Node.js: /'
for tool in pamphlet typst; do
  pdf=$work/typst.pdf
  [[ $tool == pamphlet ]] && pdf=$work/out/back-pain-de-a4-handout.pdf
  echo "$tool: $(pdfinfo "$pdf" 2>/dev/null | sed -n 's/^Pages: *//p') pages, $(stat -c %s "$pdf") bytes"
done
for run in pamphlet typst; do
  if [[ $run == pamphlet ]]; then
    /usr/bin/time -f "%M" -o "$work/rss" "$bin" build bench/texts/back-pain -f pdf -p a4-handout -q --force -o "$work/out"
  else
    /usr/bin/time -f "%M" -o "$work/rss" node bench/typst/compile.mjs "$work/back-pain.typ" "$work/typst.pdf" fonts
  fi
  echo "$run peak RSS: $(( $(cat "$work/rss") / 1024 )) MiB"
done
