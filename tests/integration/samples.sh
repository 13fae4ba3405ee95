#!/usr/bin/env bash
# The sample collection exports to one EPUB per language, and epubcheck finds
# nothing to complain about.
source "$(dirname "$0")/lib.sh"
require_epubcheck
cd "$SOURCE_DIR"
run_pamphlet build samples/clinic -o "$WORK/out"
expect_status 0 "build samples/clinic"
if [[ -s $WORK/stderr ]]; then fail "the samples build without any diagnostic"; cat "$WORK/stderr" >&2; fi
for lang in de en; do
  book=$WORK/out/clinic-$lang.epub
  [[ -f $book ]] || { fail "missing $book"; continue; }
  grep -qFx "wrote $book" "$WORK/stdout" || fail "stdout names $book"
  epubcheck_clean "$book"
done
# Every article of the collection is a chapter of each book.
for lang in de en; do
  mkdir -p "$WORK/x-$lang" && (cd "$WORK/x-$lang" && unzip -q "$WORK/out/clinic-$lang.epub")
  for article in samples/clinic/articles/*."$lang".md; do
    id=$(basename "$article" ".$lang.md")
    [[ -f $WORK/x-$lang/EPUB/text/$id.xhtml ]] && pass "$lang has chapter $id" || fail "$lang lacks chapter $id"
  done
done
# German typography reached the book: German quotes, no straight double quotes in text.
if grep -q '„' "$WORK"/x-de/EPUB/text/*.xhtml; then pass "German quotes in the de book"; else fail "no „ in the de book"; fi
finish
