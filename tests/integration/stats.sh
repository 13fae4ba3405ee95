#!/usr/bin/env bash
# `pamphlet build --stats`: a quality report per PDF on stdout, and nothing
# more on stdout without it.
source "$(dirname "$0")/lib.sh"
cd "$SOURCE_DIR"

run_pamphlet build samples/clinic -f pdf -o "$WORK/plain"
expect_status 0 "build without --stats"
if grep -qv '^wrote ' "$WORK/stdout"; then fail "without --stats stdout holds only 'wrote' lines"; cat "$WORK/stdout" >&2
else pass "without --stats stdout holds only 'wrote' lines"; fi

run_pamphlet build samples/clinic -f pdf -o "$WORK/out" --stats -q
expect_status 0 "build --stats"
cat "$WORK/stdout"
for lang in de en; do
  report=$(sed -n "/^clinic-$lang-a4-handout.pdf\$/,/worst line:/p" "$WORK/stdout")
  [[ -n $report ]] && pass "$lang: a report" || { fail "$lang: no report for clinic-$lang-a4-handout.pdf"; continue; }
  for row in "lines" "hyphenated lines" "longest hyphen run" "hyphen runs >= 3" "loose lines" "tight lines" "overfull lines"; do
    grep -qE "^  $row +[0-9]+\$" <<<"$report" && pass "$lang: row '$row'" || fail "$lang: row '$row' missing"
  done
  lines=$(sed -nE 's/^  lines +([0-9]+)$/\1/p' <<<"$report")
  ((lines > 100)) && pass "$lang: $lines lines counted" || fail "$lang: only '$lines' lines counted"
  grep -qE '^  overfull lines +0$' <<<"$report" && pass "$lang: no overfull line" || fail "$lang: overfull lines"
  grep -qE "^  worst line: samples/clinic/articles/[a-z-]+\.$lang\.md:[0-9]+:[0-9]+ \(badness [0-9]+\)\$" <<<"$report" \
    && pass "$lang: worst line has a place" || fail "$lang: worst line"
done
finish
