# Shared helpers for the integration tests. Sourced, not run.
# Every test gets: $PAMPHLET (the binary), $SOURCE_DIR, $WORK (a fresh temp dir).
set -euo pipefail
PAMPHLET=${PAMPHLET:?PAMPHLET must name the pamphlet binary}
SOURCE_DIR=${SOURCE_DIR:?SOURCE_DIR must name the source tree}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/pamphlet-test.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
EPUBCHECK_JAR=${EPUBCHECK_JAR:-/usr/share/java/epubcheck.jar}
failures=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }
finish() {
  if ((failures > 0)); then echo "$failures check(s) failed" >&2; exit 1; fi
  exit 0
}

# The validator is the referee: a missing validator is a failed test, never a skip.
require_epubcheck() {
  command -v java >/dev/null || { echo "FAIL: java is not installed (run scripts/setup --test)" >&2; exit 1; }
  [[ -f $EPUBCHECK_JAR ]] || { echo "FAIL: epubcheck is not installed at $EPUBCHECK_JAR (run scripts/setup --test)" >&2; exit 1; }
}

# epubcheck must report no error and no warning at all.
epubcheck_clean() {
  local file=$1 log
  log=$(java -jar "$EPUBCHECK_JAR" "$file" 2>&1) || true
  if grep -q "No errors or warnings detected" <<<"$log" && ! grep -qE '^(ERROR|FATAL|WARNING|USAGE)' <<<"$log"; then
    pass "epubcheck $(basename "$file")"
  else
    fail "epubcheck $(basename "$file")"; echo "$log" >&2
  fi
}

# Runs pamphlet, capturing stdout, stderr and the exit status.
run_pamphlet() {
  set +e
  "$PAMPHLET" "$@" >"$WORK/stdout" 2>"$WORK/stderr"
  status=$?
  set -e
}

expect_status() {
  local want=$1 what=$2
  if [[ $status -eq $want ]]; then pass "$what: exit $want"; else fail "$what: exit $status, expected $want"; cat "$WORK/stderr" >&2; fi
}

expect_stderr_line() {
  local line=$1 what=$2
  if grep -qFx -- "$line" "$WORK/stderr"; then pass "$what: $line"
  else fail "$what: stderr lacks the line: $line"; echo "--- stderr was:" >&2; cat "$WORK/stderr" >&2; fi
}

require_pdf_tools() {
  local t
  for t in qpdf pdffonts pdftotext pdfinfo; do
    command -v $t >/dev/null || { echo "FAIL: $t is not installed (run scripts/setup --test)" >&2; exit 1; }
  done
}

# qpdf finds no damage, and every font is embedded as a subset with a ToUnicode map.
pdf_clean() {
  local file=$1 name log fonts
  name=$(basename "$file")
  if log=$(qpdf --check "$file" 2>&1) && ! grep -qi "warning" <<<"$log"; then pass "qpdf --check $name"
  else fail "qpdf --check $name"; echo "$log" >&2; fi
  fonts=$(pdffonts "$file" 2>&1 | tail -n +3)
  if [[ -z $fonts ]]; then fail "$name has no fonts"; return; fi
  # Columns from the right: emb sub uni object-id generation.
  if awk '{ if ($(NF-4) != "yes" || $(NF-3) != "yes" || $(NF-2) != "yes") bad = 1 } END { exit bad }' <<<"$fonts"
  then pass "pdffonts $name: all embedded subsets with ToUnicode"
  else fail "pdffonts $name"; pdffonts "$file" >&2; fi
}

# The npm test tools of tests/browser (DAISY Ace, puppeteer-core) and
# Debian's chromium that both drive. Missing: a failed test, never a skip.
BROWSER_TESTS=$SOURCE_DIR/tests/browser
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
require_browser_tools() {
  command -v node >/dev/null || { echo "FAIL: node is not installed (run scripts/setup --test)" >&2; exit 1; }
  [[ -x $CHROMIUM ]] || { echo "FAIL: chromium is not installed at $CHROMIUM (run scripts/setup --test)" >&2; exit 1; }
  [[ -x $BROWSER_TESTS/node_modules/.bin/ace-cli && -d $BROWSER_TESTS/node_modules/puppeteer-core ]] ||
    { echo "FAIL: the npm test tools are not installed in tests/browser (run scripts/setup --test)" >&2; exit 1; }
  # Puppeteer (inside Ace) starts this browser, never one of its own.
  export PUPPETEER_EXECUTABLE_PATH=$CHROMIUM PUPPETEER_SKIP_DOWNLOAD=1
}

# The sample collection's EPUBs, built into $WORK/books and unpacked into
# $WORK/books/clinic-LANG/.
build_sample_books() {
  run_pamphlet build samples/clinic -f epub -o "$WORK/books"
  expect_status 0 "build the sample EPUBs"
  local lang
  for lang in de en; do
    mkdir -p "$WORK/books/clinic-$lang"
    (cd "$WORK/books/clinic-$lang" && unzip -q "../clinic-$lang.epub")
  done
  # What the samples do not show: tables (one wider than a phone),
  # footnotes, callouts, task lists (tests/collections/ok/gfm).
  run_pamphlet build tests/collections/ok/gfm -f epub -o "$WORK/books"
  expect_status 0 "build the GFM test EPUBs"
  for lang in de en; do
    mkdir -p "$WORK/books/gfm-$lang"
    (cd "$WORK/books/gfm-$lang" && unzip -q "../test-$lang.epub")
  done
}
