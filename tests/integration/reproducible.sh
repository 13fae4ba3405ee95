#!/usr/bin/env bash
# Same input, same bytes; the time written comes from SOURCE_DATE_EPOCH or the
# collection, never from the clock.
source "$(dirname "$0")/lib.sh"
cd "$SOURCE_DIR"
unset SOURCE_DATE_EPOCH
run_pamphlet build samples/clinic -q -o "$WORK/a"; expect_status 0 "first build"
sleep 1
run_pamphlet build samples/clinic -q -o "$WORK/b"; expect_status 0 "second build"
for f in clinic-de.epub clinic-en.epub clinic-de-a4-handout.pdf clinic-en-a4-handout.pdf; do
  cmp -s "$WORK/a/$f" "$WORK/b/$f" && pass "$f identical" || fail "$f differs between two builds"
done
SOURCE_DATE_EPOCH=1767225600 run_pamphlet build samples/clinic -q -l de -o "$WORK/c"; expect_status 0 "build with SOURCE_DATE_EPOCH"
mkdir -p "$WORK/xc" && (cd "$WORK/xc" && unzip -q "$WORK/c/clinic-de.epub")
grep -q '<meta property="dcterms:modified">2026-01-01T00:00:00Z</meta>' "$WORK/xc/EPUB/package.opf" \
  && pass "dcterms:modified from SOURCE_DATE_EPOCH" || fail "dcterms:modified does not follow SOURCE_DATE_EPOCH"
cmp -s "$WORK/a/clinic-de.epub" "$WORK/c/clinic-de.epub" && fail "a different SOURCE_DATE_EPOCH must change the book" || pass "SOURCE_DATE_EPOCH changes the book"
SOURCE_DATE_EPOCH=yesterday run_pamphlet build samples/clinic -o "$WORK/d"
expect_status 1 "malformed SOURCE_DATE_EPOCH"
expect_stderr_line "pamphlet: error: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not 'yesterday'" "malformed SOURCE_DATE_EPOCH"
finish
