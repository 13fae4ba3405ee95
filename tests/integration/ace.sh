#!/usr/bin/env bash
# DAISY Ace, the EPUB accessibility checker (axe-core in Chromium, plus the
# EPUB Accessibility rules), finds no violation in either sample book nor
# in the books of tables, footnotes and callouts (tests/collections/ok/gfm). A
# damaged copy shows that Ace really runs and that its findings reach us.
source "$(dirname "$0")/lib.sh"
require_browser_tools
cd "$SOURCE_DIR"
build_sample_books

# Runs Ace on BOOK (an .epub or an unpacked folder); prints every violation
# as "impact rule file: description" and sets $violations to their number.
ace_check() {
  local book=$1 report=$WORK/ace-$(basename "$1")
  set +e
  "$BROWSER_TESTS/node_modules/.bin/ace-cli" --force --silent --outdir "$report" "$book" >"$WORK/ace.log" 2>&1
  local status=$?
  set -e
  if [[ ! -f $report/report.json ]]; then
    fail "Ace wrote no report for $(basename "$book") (exit $status)"; cat "$WORK/ace.log" >&2
    violations=-1; return
  fi
  # Ace checked every content document: a report of nothing proves nothing.
  local subjects
  subjects=$(jq '[.assertions[]["earl:testSubject"].url | select(test("\\.xhtml$"))] | length' "$report/report.json")
  if ((subjects < 3)); then fail "Ace's report on $(basename "$book") covers $subjects pages"; fi
  violations=$(jq '[.assertions[].assertions[]] | length' "$report/report.json")
  jq -r '.assertions[] | .["earl:testSubject"].url as $file | .assertions[] |
    "  \(.["earl:test"]["earl:impact"]) \(.["earl:test"]["dct:title"]) \($file): \(.["earl:test"]["dct:description"])"' \
    "$report/report.json" >"$WORK/violations"
}

for book in clinic-de clinic-en test-de test-en; do
  ace_check "$WORK/books/$book.epub"
  if [[ $violations -eq 0 ]]; then pass "Ace: $book.epub has no violation"
  elif [[ $violations -gt 0 ]]; then fail "Ace: $book.epub has $violations violation(s)"; cat "$WORK/violations" >&2; fi
done

# The control: an image without its text alternative and a page without its
# language are violations Ace must report.
damaged=$WORK/books/clinic-en
sed -i -E 's/ alt="[^"]*"//' "$damaged/EPUB/text/fascia.xhtml"
sed -i -E 's/ (xml:)?lang="en"//g' "$damaged/EPUB/text/stretching.xhtml"
ace_check "$damaged"
if grep -q "image-alt" "$WORK/violations" && grep -q "html-has-lang" "$WORK/violations"; then
  pass "Ace reports a missing alt text and a missing language"
else
  fail "Ace missed the damage to a copy of clinic-en ($violations violation(s))"; cat "$WORK/violations" >&2
fi
finish
