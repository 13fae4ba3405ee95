# Shared by the benchmarks against XeLaTeX. Sourced, not run; expects the
# current folder to be the source tree.

# bench_require TOOL...: every tool is on PATH, or a hint and exit.
bench_require() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "bench: $tool is missing; run scripts/setup --bench" >&2; exit 1; }
  done
}

# bench_articles COLLECTION LANG: the collection's articles of LANG, in order.
bench_articles() {
  local id
  for id in $(sed -n '/^articles:/,/^[a-z]/s/^  - //p' "$1/collection.yaml"); do
    echo "$1/articles/$id.$2.md"
  done
}

# bench_latex WORK LANG ARTICLE...: WORK/brochure.tex from the articles, set
# like the a4-handout profile (Charis SIL 11pt, 15.5pt leading, Lato
# headings, A4, 35mm side margins), and WORK/brochure.pdf made from it.
bench_latex() {
  local work=$1 lang=$2 root=$PWD
  shift 2
  local dir
  dir=$(dirname "$1")
  pandoc --from markdown --to latex --standalone --resource-path="$dir" \
    -V documentclass=article -V fontsize=11pt -V papersize=a4 \
    -V geometry="top=25mm,bottom=30mm,inner=35mm,outer=35mm" -V linestretch=1.17 \
    -V mainfont=CharisSIL -V sansfont=Lato -V lang="$lang" \
    -V mainfontoptions="Path=$root/fonts/,Extension=.ttf,UprightFont=*-Regular,ItalicFont=*-Italic,BoldFont=*-Bold,BoldItalicFont=*-BoldItalic" \
    -V sansfontoptions="Path=$root/fonts/,Extension=.ttf,UprightFont=*-Regular,ItalicFont=*-Italic,BoldFont=*-Bold,BoldItalicFont=*-BoldItalic" \
    --metadata title="Bench" -o "$work/brochure.tex" "$@"
  # Images are found relative to the articles' folder.
  cp -r "$dir/../images" "$work/images"
  sed -i "s|\.\./images/|$work/images/|g" "$work/brochure.tex"
  (cd "$work" && xelatex -interaction=batchmode brochure.tex >/dev/null) ||
    { echo "bench: xelatex failed; see $work/brochure.log" >&2; exit 1; }
}
