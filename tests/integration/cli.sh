#!/usr/bin/env bash
# The command line: version, help, usage errors (exit 2), profiles.
source "$(dirname "$0")/lib.sh"
cd "$SOURCE_DIR"
run_pamphlet --version; expect_status 0 "--version"
grep -qE '^pamphlet [0-9]+\.[0-9]+\.[0-9]+$' "$WORK/stdout" && pass "version string" || fail "version string: $(cat "$WORK/stdout")"
run_pamphlet --help; expect_status 0 "--help"
grep -q build "$WORK/stdout" && pass "help lists build" || fail "help lists build"
run_pamphlet build --help; expect_status 0 "build --help"
run_pamphlet; expect_status 2 "no subcommand"
run_pamphlet build; expect_status 2 "build without a collection"
run_pamphlet build samples/clinic --frobnicate; expect_status 2 "unknown option"
run_pamphlet build samples/clinic -f docx -o "$WORK/x"; expect_status 2 "unknown format"
run_pamphlet profiles; expect_status 0 "profiles"
grep -q '^a4-handout' "$WORK/stdout" && pass "profiles lists a4-handout" || fail "profiles lists a4-handout"
run_pamphlet profiles --keys; expect_status 0 "profiles --keys"
for key in page.size page.margin.top fonts.body.regular text.size colors.accent; do
  grep -q "$key" "$WORK/stdout" && pass "--keys lists $key" || fail "--keys lists $key"
done
# The README's key reference is the program's own, not a copy that drifts.
run_pamphlet profiles --keys --markdown; expect_status 0 "profiles --keys --markdown"
sed -n '/<!-- profile-keys:begin -->/,/<!-- profile-keys:end -->/p' README.md | sed '1d;$d' >"$WORK/readme-keys"
if diff -u "$WORK/readme-keys" "$WORK/stdout" >"$WORK/keys.diff"; then pass "README key table is current"
else fail "README key table is out of date: replace it with the output of 'pamphlet profiles --keys --markdown'"; cat "$WORK/keys.diff" >&2; fi
run_pamphlet build samples/clinic -l fr -o "$WORK/x"; expect_status 1 "unknown language"
expect_stderr_line "samples/clinic/collection.yaml: error: language 'fr' is not one of the collection's languages (de, en)" "unknown language"
[[ ! -e $WORK/x ]] && pass "nothing written on error" || fail "output folder created despite the error"
run_pamphlet build samples/clinic -l en -o "$WORK/en"; expect_status 0 "-l en"
[[ -f $WORK/en/clinic-en.epub && ! -e $WORK/en/clinic-de.epub ]] && pass "-l en writes only en" || fail "-l en writes only en"
run_pamphlet build samples/clinic -p no-such-profile -o "$WORK/x"; expect_status 1 "unknown profile"
run_pamphlet build does/not/exist -o "$WORK/x"; expect_status 1 "missing collection folder"
finish
