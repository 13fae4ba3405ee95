#!/usr/bin/env bash
# Justified text on a phone that hyphenates nothing itself, with and without
# pamphlet's soft hyphens (profile key hyphenation.epub_soft_hyphens): the
# sample books' article pages in headless Chromium at 390×844, the share of
# justified lines with a word space over twice the normal one
# (tests/browser/word-gaps.mjs).
#   bench/epub-word-gaps.sh        (needs: scripts/setup --test)
#   PAMPHLET=path/to/pamphlet uses that binary instead of a release build.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
bench_require node unzip
[[ -d tests/browser/node_modules ]] || { echo "bench: run scripts/setup --test first" >&2; exit 1; }
bin=$(bench_binary)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
printf 'extends: a4-handout\nhyphenation:\n  epub_soft_hyphens: false\n' >"$work/no-soft-hyphens.yaml"
for run in with without; do
  profile=a4-handout
  [[ $run == without ]] && profile=$work/no-soft-hyphens.yaml
  "$bin" build samples/clinic -f epub -p "$profile" -q --force -o "$work/$run"
  for lang in de en; do
    mkdir -p "$work/$run-books/clinic-$lang"
    unzip -qo "$work/$run/clinic-$lang.epub" -d "$work/$run-books/clinic-$lang"
  done
  echo "$run soft hyphens:"
  node tests/browser/word-gaps.mjs "$work/$run-books/clinic-de" "$work/$run-books/clinic-en" | sed 's/^/  /'
done
