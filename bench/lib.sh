# Shared by the benchmarks against XeLaTeX. Sourced, not run; expects the
# current folder to be the source tree.

# bench_require TOOL...: every tool is on PATH, or a hint and exit.
bench_require() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "bench: $tool is missing; run scripts/setup --bench" >&2; exit 1; }
  done
}

# bench_binary: the pamphlet to measure, as an absolute path: $PAMPHLET
# when set, else a release build made now.
bench_binary() {
  if [[ -n ${PAMPHLET:-} ]]; then
    realpath "$PAMPHLET"
  else
    cmake --preset release >/dev/null && cmake --build --preset release >/dev/null
    echo "$PWD/build/release/pamphlet"
  fi
}

# bench_articles COLLECTION LANG: the collection's articles of LANG, in order.
bench_articles() {
  local id
  for id in $(sed -n '/^articles:/,/^[a-z]/s/^  - //p' "$1/collection.yaml"); do
    echo "$1/articles/$id.$2.md"
  done
}

# The page geometry both tools use: A4, 35mm side margins (in PDF points).
bench_margin_pt=99.2126

# bench_latex WORK LANG ARTICLE...: WORK/brochure.tex from the articles, set
# like the a4-handout profile (Charis SIL 11pt on 15.5pt leading, Lato
# headings, 9pt captions, A4, 35mm side margins), and WORK/brochure.pdf made
# from it. The profile's points are PDF points (1/72 in); LaTeX's `pt` is
# 1/72.27 in and its 11pt class sets 10.95pt, so the sizes are given in bp.
# \frenchspacing: pamphlet sets no wider space after a full stop (babel's
# German does the same, its English does not).
bench_latex() {
  local work=$1 lang=$2 root=$PWD
  shift 2
  local dir
  dir=$(dirname "$1")
  cat >"$work/profile.tex" <<'TEX'
\makeatletter
\renewcommand\normalsize{\@setfontsize\normalsize{11bp}{15.5bp}%
  \abovedisplayskip 11\p@ \@plus3\p@ \@minus6\p@
  \abovedisplayshortskip \z@ \@plus3\p@
  \belowdisplayshortskip 6.5\p@ \@plus3.5\p@ \@minus3\p@
  \belowdisplayskip \abovedisplayskip \let\@listi\@listI}
\makeatother
\normalsize
\usepackage{caption}
\DeclareCaptionFont{profile}{\fontsize{9bp}{12.5bp}\selectfont}
\captionsetup{font=profile}
\AtBeginDocument{\frenchspacing}
TEX
  pandoc --from markdown --to latex --standalone --resource-path="$dir" \
    -V documentclass=article -V fontsize=11pt -V papersize=a4 \
    -V geometry="top=25mm,bottom=30mm,inner=35mm,outer=35mm" \
    -V mainfont=CharisSIL -V sansfont=Lato -V lang="$lang" -V csquotes \
    -V mainfontoptions="Path=$root/fonts/,Extension=.ttf,UprightFont=*-Regular,ItalicFont=*-Italic,BoldFont=*-Bold,BoldItalicFont=*-BoldItalic" \
    -V sansfontoptions="Path=$root/fonts/,Extension=.ttf,UprightFont=*-Regular,ItalicFont=*-Italic,BoldFont=*-Bold,BoldItalicFont=*-BoldItalic" \
    --include-in-header="$work/profile.tex" \
    --metadata title="Bench" -o "$work/brochure.tex" "$@"
  # Images are found relative to the articles' folder.
  if [[ -d $dir/../images ]]; then
    cp -r "$dir/../images" "$work/images"
    sed -i "s|\.\./images/|$work/images/|g" "$work/brochure.tex"
  fi
  (cd "$work" && xelatex -interaction=batchmode brochure.tex >/dev/null) ||
    { echo "bench: xelatex failed; see $work/brochure.log" >&2; exit 1; }
}
