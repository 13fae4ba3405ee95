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
for tool in pandoc hyperfine xelatex; do
  command -v $tool >/dev/null || { echo "bench: $tool is missing; run scripts/setup --bench" >&2; exit 1; }
done
cmake --preset release >/dev/null && cmake --build --preset release >/dev/null
bin=$root/build/release/pamphlet
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
articles=()
for id in $(sed -n '/^articles:/,/^[a-z]/s/^  - //p' samples/clinic/collection.yaml); do
  articles+=("samples/clinic/articles/$id.$lang.md")
done
babel=$([[ $lang == de ]] && echo ngerman || echo english)
pandoc --from markdown --to latex --standalone --resource-path=samples/clinic/articles \
  -V documentclass=article -V fontsize=11pt -V papersize=a4 \
  -V geometry="top=25mm,bottom=30mm,inner=35mm,outer=35mm" -V linestretch=1.17 \
  -V mainfont=CharisSIL -V sansfont=Lato -V lang="$lang" \
  -V mainfontoptions="Path=$root/fonts/,Extension=.ttf,UprightFont=*-Regular,ItalicFont=*-Italic,BoldFont=*-Bold,BoldItalicFont=*-BoldItalic" \
  -V sansfontoptions="Path=$root/fonts/,Extension=.ttf,UprightFont=*-Regular,ItalicFont=*-Italic,BoldFont=*-Bold,BoldItalicFont=*-BoldItalic" \
  --metadata title="Bench" -o "$work/brochure.tex" "${articles[@]}"
# Images are found relative to the articles' folder.
cp -r samples/clinic/images "$work/images"
sed -i "s|\.\./images/|$work/images/|g" "$work/brochure.tex"
(cd "$work" && xelatex -interaction=batchmode brochure.tex >/dev/null) || { echo "bench: xelatex failed; see $work/brochure.log" >&2; exit 1; }
hyperfine --warmup 2 --min-runs 10 --export-markdown "$work/result.md" \
  --command-name pamphlet "$bin build samples/clinic -f pdf -l $lang -q -o $work/out" \
  --command-name xelatex "cd $work && xelatex -interaction=batchmode brochure.tex"
cat "$work/result.md"
echo
echo "pages: pamphlet $(pdfinfo "$work/out/clinic-$lang-a4-handout.pdf" | sed -n 's/^Pages: *//p') (with cover and back page), xelatex $(pdfinfo "$work/brochure.pdf" | sed -n 's/^Pages: *//p')"
echo "sizes: pamphlet $(stat -c %s "$work/out/clinic-$lang-a4-handout.pdf") bytes, xelatex $(stat -c %s "$work/brochure.pdf") bytes"
