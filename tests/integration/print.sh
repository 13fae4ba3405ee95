#!/usr/bin/env bash
# Print production: every shipped profile exports the samples in both
# languages and passes the validators; the A5 booklet is imposed in
# saddle-stitch order on A4 landscape sheets; bleed and crop marks show in
# the page boxes; the QR codes scan back to their URLs; PDF/A-1b passes
# PDFBox's preflight; CMYK colours are written as CMYK.
source "$(dirname "$0")/lib.sh"
require_pdf_tools
for t in zbarimg pdftoppm java; do
  command -v $t >/dev/null || { echo "FAIL: $t is not installed (run scripts/setup --test)" >&2; exit 1; }
done
cd "$SOURCE_DIR"
export LC_ALL=C.UTF-8

pages_of() { pdfinfo "$1" | sed -n 's/^Pages: *//p'; }
# "W x H" of page N's MediaBox, rounded to whole points.
page_size() { pdfinfo -f "$2" -l "$2" "$1" | sed -n "s/^Page *$2 size: *\([0-9.]*\) x \([0-9.]*\) pts.*/\1 \2/p" |
  awk '{ printf "%d x %d", $1 + 0.5, $2 + 0.5 }'; }
# The QR code on page N, decoded from a 150 dpi rendering.
qr_of() {
  pdftoppm -r 150 -png -f "$2" -l "$2" "$1" "$WORK/qr"
  zbarimg -q --raw "$WORK"/qr-*.png 2>/dev/null || true  # (zbar may complain about D-Bus)
  rm -f "$WORK"/qr-*.png
}

# Every profile, both languages, through the referees.
profiles=()
for file in layouts/*.yaml; do profiles+=(-p "$(basename "$file" .yaml)"); done
run_pamphlet build samples/clinic -f pdf "${profiles[@]}" -o "$WORK/all"
expect_status 0 "build every profile"
if [[ -s $WORK/stderr ]]; then fail "every profile typesets the samples without a diagnostic"; cat "$WORK/stderr" >&2; fi
for file in layouts/*.yaml; do
  profile=$(basename "$file" .yaml)
  for lang in de en; do
    pdf=$WORK/all/clinic-$lang-$profile.pdf
    [[ -f $pdf ]] || { fail "missing $pdf"; continue; }
    pdf_clean "$pdf"
    [[ $(pdftotext -enc UTF-8 "$pdf" -) == *Lindenhof* ]] && pass "$profile $lang: text extracts" || fail "$profile $lang: no text"
  done
done
website=$(sed -n 's/^  website: *//p' samples/clinic/collection.yaml)
for profile in a4-handout letter-handout; do
  pdf=$WORK/all/clinic-de-$profile.pdf
  last=$(pages_of "$pdf")
  [[ $(qr_of "$pdf" "$last") == "$website" ]] && pass "$profile: the back page's QR code scans to $website" ||
    fail "$profile: the back page's QR code does not scan to $website"
done

# The A5 booklet, imposed: A4 landscape sheet sides, two pages each, in
# saddle-stitch order. A page's footer number is its place in the booklet
# less two (the cover and the contents are not numbered), and left pages
# carry their number on the outer (left) edge.
booklet=$WORK/all/clinic-de-a5-booklet.pdf
sides=$(pages_of "$booklet")
n=$((2 * sides))
((n % 4 == 0)) && pass "booklet: $n pages on $sides sheet sides" || fail "booklet: $n pages is not a multiple of 4"
[[ $(page_size "$booklet" 1) == "842 x 595" ]] && pass "booklet: the sheet is A4 landscape" ||
  fail "booklet: sheet is $(page_size "$booklet" 1), not A4 landscape"
checked=0
for ((s = 0; s < sides; s++)); do
  if ((s % 2 == 0)); then want_left=$((n - s)); want_right=$((s + 1)); else want_left=$((s + 1)); want_right=$((n - s)); fi
  left=$(pdftotext -f $((s + 1)) -l $((s + 1)) -x 0 -y 540 -W 421 -H 55 "$booklet" - | grep -oE '^[0-9]+' || true)
  right=$(pdftotext -f $((s + 1)) -l $((s + 1)) -x 421 -y 540 -W 421 -H 55 "$booklet" - | grep -oE '[0-9]+' | tail -1 || true)
  if [[ -n $left ]]; then
    ((left + 2 == want_left)) && checked=$((checked + 1)) || fail "sheet side $((s + 1)) left: page $((left + 2)), expected $want_left"
  fi
  if [[ -n $right ]]; then
    ((right + 2 == want_right)) && checked=$((checked + 1)) || fail "sheet side $((s + 1)) right: page $((right + 2)), expected $want_right"
  fi
done
((checked >= n - 6)) && pass "booklet: $checked numbered pages sit where saddle stitching needs them" ||
  fail "booklet: only $checked numbered pages found on the sheets"
[[ $(qr_of "$booklet" 1) == "$website" ]] && pass "booklet: the back cover (left of the first sheet) scans to $website" ||
  fail "booklet: no QR code to $website on the first sheet"
run_pamphlet build samples/clinic -f pdf -l de -p a5-booklet --no-impose -o "$WORK/plain"
expect_status 0 "build a5-booklet --no-impose"
plain=$WORK/plain/clinic-de-a5-booklet.pdf
[[ $(pages_of "$plain") == "$n" && $(page_size "$plain" 1) == "420 x 595" ]] &&
  pass "--no-impose: $n A5 pages in reading order" || fail "--no-impose: $(pages_of "$plain") pages of $(page_size "$plain" 1)"

# Bleed and crop marks for the print shop: the page grows, the TrimBox is
# the A4 page, the BleedBox 3 mm beyond it.
cat >"$WORK/shop.yaml" <<'YAML'
extends: a4-handout
bleed: 3mm
crop_marks: true
YAML
run_pamphlet build samples/clinic -f pdf -l de -p "$WORK/shop.yaml" -o "$WORK/shop"
expect_status 0 "build with bleed and crop marks"
shop=$WORK/shop/clinic-de-shop.pdf
pdf_clean "$shop"
boxes=$(pdfinfo -box -f 1 -l 1 "$shop")
box() { sed -n "s/^Page *1 $1: *//p" <<<"$boxes" | awk '{ printf "%.1f %.1f\n", $3 - $1, $4 - $2 }'; }
[[ $(box TrimBox) == "595.3 841.9" ]] && pass "bleed: TrimBox is the A4 page" || fail "bleed: TrimBox $(box TrimBox)"
[[ $(box BleedBox) == "612.3 858.9" ]] && pass "bleed: BleedBox is 3 mm beyond the trim" || fail "bleed: BleedBox $(box BleedBox)"
read -r mw mh < <(box MediaBox)
awk -v w="$mw" -v h="$mh" 'BEGIN { exit !(w > 612.3 && h > 858.9) }' && pass "crop marks: the MediaBox makes room for them ($mw x $mh)" ||
  fail "crop marks: MediaBox $mw x $mh"

# PDF/A-1b, judged by PDFBox's preflight.
cat >"$WORK/archive.yaml" <<'YAML'
extends: a4-handout
pdfa: true
YAML
run_pamphlet build samples/clinic -f pdf -l de -p "$WORK/archive.yaml" -o "$WORK/archive"
expect_status 0 "build PDF/A"
archive=$WORK/archive/clinic-de-archive.pdf
pdf_clean "$archive"
classpath=""
for jar in preflight pdfbox2 fontbox2 xmpbox commons-logging javax.activation jaxb-api; do
  [[ -f /usr/share/java/$jar.jar ]] || { fail "/usr/share/java/$jar.jar is missing (run scripts/setup --test)"; continue; }
  classpath+=${classpath:+:}/usr/share/java/$jar.jar
done
# Tagged too (pdfua: true by default): PDF/UA's XMP schema must be described for PDF/A-1.
grep -aq '<pdfuaid:part>1</pdfuaid:part>' "$archive" && grep -aq '<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>' "$archive" &&
  pass "PDF/A: claims PDF/UA-1 and describes its schema" || fail "PDF/A: no pdfuaid, or no extension schema for it"
preflight=$(java -cp "$classpath" org.apache.pdfbox.preflight.Validator_A1b "$archive" 2>&1 || true)
grep -q "is a valid PDF/A-1b file" <<<"$preflight" && pass "PDFBox preflight: valid PDF/A-1b" ||
  { fail "PDFBox preflight rejects the PDF/A"; echo "$preflight" | head -30 >&2; }

# CMYK colours are written as CMYK: `k` for fills.
cat >"$WORK/cmyk.yaml" <<'YAML'
extends: a4-handout
headings:
  color: cmyk(100, 40, 0, 20)
YAML
run_pamphlet build samples/clinic -f pdf -l de -p "$WORK/cmyk.yaml" -o "$WORK/cmyk"
expect_status 0 "build with a CMYK heading colour"
qpdf --qdf --object-streams=disable "$WORK/cmyk/clinic-de-cmyk.pdf" "$WORK/cmyk.qdf"
grep -aqE '^1 0?\.4 0 0?\.2 k$' "$WORK/cmyk.qdf" && pass "CMYK heading colour written with k" ||
  fail "no '1 0.4 0 0.2 k' in the content streams"

# A handout of one article: no cover or contents, the clinic's contact block
# at the end with a QR code to the article's own address.
url=$(sed -n 's/^url: *//p' samples/clinic/articles/fascia.de.md)
run_pamphlet build samples/clinic -f pdf -l de --article fascia -o "$WORK/handout"
expect_status 0 "build --article fascia"
handout=$WORK/handout/clinic-de-a4-handout-fascia.pdf
if [[ -f $handout ]]; then
  pdf_clean "$handout"
  text=$(pdftotext -enc UTF-8 "$handout" -)
  grep -q "Faszien" <<<"$text" && ! grep -q "Inhalt" <<<"$text" && ! grep -q "Gesunder Rücken am Schreibtisch" <<<"$text" &&
    pass "handout: the one article, no contents, no other article" || fail "handout text"
  [[ $(qr_of "$handout" "$(pages_of "$handout")") == "$url" ]] && pass "handout: the QR code scans to $url" ||
    fail "handout: no QR code to $url on the last page"
else
  fail "missing $handout"
fi

# Profile mistakes in a chain of profiles point at the file and line.
printf 'extends: b.yaml\n' >"$WORK/a.yaml"
printf 'name: B\nextends: a.yaml\n' >"$WORK/b.yaml"
run_pamphlet build samples/clinic -f pdf -p "$WORK/a.yaml" -o "$WORK/none"
expect_status 1 "a loop in extends"
expect_stderr_line "$WORK/b.yaml:2:10: error: profile 'a' extends itself through a -> b -> a" "loop"
printf 'extends: a5-booklet\npage:\n  margin:\n    inner: 130mm\n' >"$WORK/wide.yaml"
run_pamphlet build samples/clinic -f pdf -p "$WORK/wide.yaml" -o "$WORK/none"
expect_status 1 "margins wider than the page"
expect_stderr_line "$WORK/wide.yaml:4:12: error: margins leave no room for text: inner 130mm + outer 21mm is not less than the page width 148mm" "margins"
[[ ! -e $WORK/none ]] && pass "nothing written on profile errors" || fail "files written despite profile errors"

finish
