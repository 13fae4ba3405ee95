#!/usr/bin/env bash
# Every page of both sample books (and of the books with tables, footnotes
# and callouts, tests/collections/ok/gfm) in headless Chromium at 320 px with 200 %
# text, in the book's colours and in reader dark themes: nothing runs off
# the side, all text keeps 4.5:1 (tests/browser/check-pages.mjs).
source "$(dirname "$0")/lib.sh"
require_browser_tools
cd "$SOURCE_DIR"
build_sample_books
if node "$BROWSER_TESTS/check-pages.mjs" "$WORK/books/clinic-de" "$WORK/books/clinic-en" \
  "$WORK/books/gfm-de" "$WORK/books/gfm-en"; then
  pass "every page fits 320 px at 200 % text, with 4.5:1 contrast in every theme"
else
  fail "pages overflow or lack contrast (above)"
fi
# Soft hyphens: Chromium's find-in-page finds hyphenated words whole.
if node "$BROWSER_TESTS/word-gaps.mjs" "$WORK/books/clinic-de" "$WORK/books/clinic-en" >"$WORK/gaps.log" &&
  [[ $(grep -c 'find-in-page finds [1-9][0-9]* of ' "$WORK/gaps.log") -eq 2 ]]; then
  pass "find-in-page finds soft-hyphenated words ($(grep -o 'finds [0-9]* of [0-9]*' "$WORK/gaps.log" | tr '\n' ' '))"
else
  fail "find-in-page and soft hyphens"; cat "$WORK/gaps.log" >&2
fi
# The check can fail: a page made too wide and a pale heading are found.
page=$WORK/books/clinic-en/EPUB/text/fascia.xhtml
sed -i 's|<h1 id="title">|<h1 id="title" style="color: #aaaaaa">|; s|<p>|<p style="width: 30em">|' "$page"
if node "$BROWSER_TESTS/check-pages.mjs" "$WORK/books/clinic-en" >"$WORK/control.log"; then
  fail "the check passed a page with a pale heading and a paragraph 30em wide"
elif grep -q 'fascia.xhtml \[light.*<h1#title>.*#aaaaaa on #ffffff' "$WORK/control.log" &&
  grep -q 'fascia.xhtml \[light.*document is' "$WORK/control.log"; then
  pass "the check finds a pale heading and a page too wide"
else
  fail "the check failed the damaged page for other reasons"; cat "$WORK/control.log" >&2
fi
finish
