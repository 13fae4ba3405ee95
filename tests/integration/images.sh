#!/usr/bin/env bash
# Each image is judged once per build, where the collection is loaded: a
# truncated cover gets one warning at its key in collection.yaml, however
# many books and brochures the build makes, and every output leaves it out.
source "$(dirname "$0")/lib.sh"
require_pdf_tools
clinic=$WORK/clinic
cp -r "$SOURCE_DIR/samples/clinic" "$clinic"
truncate -s 100000 "$clinic/images/cover.png"
line=$(grep -n '^cover:' "$clinic/collection.yaml" | cut -d: -f1)
want="$clinic/collection.yaml:$line:8: warning: image 'cover.png' cannot be used (corrupt PNG: its 'IDAT' chunk claims 8,192 bytes, more than the rest of the file (truncated?)); its alt text is shown instead"
for threads in 1 2; do
  out=$WORK/out-$threads
  # Two languages, two profiles, both formats: 2 books and 4 brochures.
  run_pamphlet build "$clinic" -o "$out" -q -p a4-handout -p a5-booklet -j $threads
  expect_status 0 "truncated cover, -j $threads"
  expect_stderr_line "$want" "truncated cover, -j $threads"
  count=$(grep -c "image 'cover.png' cannot be used" "$WORK/stderr" || true)
  [[ $count -eq 1 ]] && pass "-j $threads: the cover's verdict is said once" ||
    fail "-j $threads: the cover's verdict is said $count times"
  books=("$out"/*.epub) pdfs=("$out"/*.pdf)
  [[ ${#books[@]} -eq 2 && ${#pdfs[@]} -eq 4 ]] && pass "-j $threads: 2 books, 4 brochures" ||
    fail "-j $threads: ${#books[@]} books, ${#pdfs[@]} brochures"
  for book in "${books[@]}"; do
    if unzip -l "$book" | grep -q 'images/cover\.png'; then fail "$(basename "$book") packs the damaged cover"
    else pass "$(basename "$book") leaves the damaged cover out"; fi
  done
  for pdf in "${pdfs[@]}"; do
    qpdf --check "$pdf" >/dev/null && pass "qpdf --check $(basename "$pdf")" || fail "qpdf --check $(basename "$pdf")"
  done
done
cmp -s "$WORK/out-1/clinic-de-a5-booklet.pdf" "$WORK/out-2/clinic-de-a5-booklet.pdf" &&
  pass "-j 1 and -j 2 write the same brochure" || fail "-j 1 and -j 2 brochures differ"
finish
