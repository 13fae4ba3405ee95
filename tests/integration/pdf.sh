#!/usr/bin/env bash
# The sample brochures: valid PDF, fonts embedded as subsets, and the text
# comes back out — every word of every article, ligatures and umlauts included.
source "$(dirname "$0")/lib.sh"
require_pdf_tools
cd "$SOURCE_DIR"
export LC_ALL=C.UTF-8

dehyphenate() {
  local line pending=""
  while IFS= read -r line || [[ -n $line ]]; do
    if [[ -n $pending && $line =~ ^[[:lower:]] ]]; then line="${pending%-}$line"
    elif [[ -n $pending ]]; then printf '%s\n' "$pending"; fi
    pending=""
    if [[ $line =~ [[:alpha:]]-$ ]]; then pending=$line; else printf '%s\n' "$line"; fi
  done
  [[ -z $pending ]] || printf '%s\n' "$pending"
}
run_pamphlet build samples/clinic -f pdf -p a4-handout -p a4-two-column -o "$WORK/out"
expect_status 0 "build -f pdf"
if [[ -s $WORK/stderr ]]; then fail "the samples typeset without any diagnostic"; cat "$WORK/stderr" >&2; fi
for profile in a4-two-column a4-handout; do
for lang in de en; do
  pdf=$WORK/out/clinic-$lang-$profile.pdf
  [[ -f $pdf ]] || { fail "missing $pdf"; continue; }
  pdf_clean "$pdf"
  pages=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
  ((pages >= 6)) && pass "$lang $profile: $pages pages" || fail "$lang $profile: only $pages pages"
  title=$(sed -n "/^title:/,/^[a-z]/s/^  $lang: //p" samples/clinic/collection.yaml)
  pdfinfo "$pdf" | sed -n 's/^Title: *//p' | grep -qxF "$title" && pass "$lang: Title is '$title'" || { fail "$lang: Title"; pdfinfo "$pdf" >&2; }

  # Text extraction, with words joined again where a line ends in a hyphen
  # that the typesetter inserted (followed by a lower-case continuation).
  # -raw: the content stream's order, column after column.
  pdftotext -raw -enc UTF-8 "$pdf" "$WORK/text-$lang"
  dehyphenate <"$WORK/text-$lang" >"$WORK/joined-$lang"
  # Words as joined and as set: "Sprint-" before "oder" is a word of its own.
  cat "$WORK/joined-$lang" "$WORK/text-$lang" | grep -oP '\p{L}+' | sort -u >"$WORK/pdf-words-$lang"
  missing=0
  for md in samples/clinic/articles/*."$lang".md; do
    # The body and the title/summary: Markdown syntax and link targets removed.
    sed -e '1,/^---$/{/^title:\|^summary:/!d}' -e 's/^title: //; s/^summary: //' "$md" |
      sed -E 's/\]\([^)]*\)/]/g; s/!\[[^]]*\]//g' | grep -oP '\p{L}{2,}' | sort -u >"$WORK/md-words"
    while read -r w; do
      grep -qxF "$w" "$WORK/pdf-words-$lang" || { missing=$((missing + 1)); echo "  missing in PDF text: $w ($md)" >&2; }
    done <"$WORK/md-words"
  done
  ((missing == 0)) && pass "$lang $profile: every word of every article is in the PDF text" || fail "$lang $profile: $missing words missing from the PDF text"
done
done
# Typography and ligatures survive extraction.
grep -q '„' "$WORK/joined-de" && grep -q '“' "$WORK/joined-de" && pass "German quotes extract" || fail "German quotes extract"
grep -q 'ß' "$WORK/joined-de" && grep -q 'ü' "$WORK/joined-de" && pass "umlauts and ß extract" || fail "umlauts and ß extract"
for w in office efficient first; do
  grep -qw "$w" "$WORK/joined-en" && pass "ligature word '$w' extracts" || fail "ligature word '$w' does not extract"
done
# Compound boundaries marked with &zwnj; keep ligatures apart on the page, and
# the invisible mark never leaks into the text (nor onto the spaces).
run_pamphlet build tests/golden/compound-ligatures -f pdf -o "$WORK/zwnj"
expect_status 0 "build compound-ligatures"
if pdftotext -enc UTF-8 "$WORK/zwnj/golden-de-a4-handout.pdf" - | tr '\n' ' ' |
   grep -qF "Auflage, nicht Auflage; Schifffahrt, nicht Schifffahrt; Kaufleute und offen."
then pass "text extracts without ZWNJ and with its spaces"
else fail "ZWNJ text extraction"; pdftotext -enc UTF-8 "$WORK/zwnj/golden-de-a4-handout.pdf" - | od -c | head >&2; fi

# Fonts are embedded as real subsets: the brochure stays small.
for lang in de en; do
  bytes=$(stat -c %s "$WORK/out/clinic-$lang-a4-handout.pdf")
  echo "size: clinic-$lang-a4-handout.pdf $bytes bytes"
done
finish
