#!/usr/bin/env bash
# Runs every test collection under tests/collections/<group>/<case>/ as its
# expect.txt says:
#   exit N            the expected exit status
#   args: ...         extra arguments for `pamphlet build` (optional)
#   anything else     a line that must appear, exactly, on stderr
# The list is exhaustive: a diagnostic on stderr ("file:line:col: warning: …")
# that expect.txt does not name fails the test too.
# Paths in messages are relative to tests/collections/<group>; @SOURCE_DIR@
# stands for the checkout (pamphlet's own fonts folder is named by its path).
# Outputs that already exist must survive a failed build untouched; every book
# of a successful build must pass epubcheck with no error and no warning, and
# every PDF qpdf --check and pdffonts.
source "$(dirname "$0")/lib.sh"
require_epubcheck
require_pdf_tools
root=$SOURCE_DIR/tests/collections
cases=("$@")
if ((${#cases[@]} == 0)); then
  # Every folder is a case: one without an expect.txt fails below, rather
  # than being skipped unseen.
  for d in "$root"/*/*/; do cases+=("${d%/}"); done
fi
# A runner that finds nothing to run must not pass.
((${#cases[@]} > 0)) || { echo "FAIL: no test collection with an expect.txt under $root" >&2; exit 1; }
for dir in "${cases[@]}"; do
  [[ -f $dir/expect.txt ]] || { fail "$dir has no expect.txt"; continue; }
  group_dir=$(dirname "$dir"); name=$(basename "$dir"); label="$(basename "$group_dir")/$name"
  want_exit=$(sed -n 's/^exit \([0-9]*\)$/\1/p' "$dir/expect.txt")
  [[ -n $want_exit ]] || { fail "$label: expect.txt has no 'exit N' line"; continue; }
  args=$(sed -n 's/^args: //p' "$dir/expect.txt")
  out=$WORK/out-$name
  mkdir -p "$out"
  # A good book from an earlier run that a failing build must not destroy.
  echo "previous good book" >"$out/test-de.epub"
  # shellcheck disable=SC2086
  (cd "$group_dir" && run_pamphlet build "$name" -o "$out" $args && echo $status >"$WORK/status") || true
  status=$(cat "$WORK/status")
  expect_status "$want_exit" "$label"
  while IFS= read -r line; do
    [[ -z $line || $line == exit\ * || $line == args:* || $line == \#* ]] && continue
    expect_stderr_line "${line//@SOURCE_DIR@/$SOURCE_DIR}" "$label"
  done <"$dir/expect.txt"
  while IFS= read -r line; do
    grep -qFx -- "${line//$SOURCE_DIR/@SOURCE_DIR@}" "$dir/expect.txt" || fail "$label: unexpected diagnostic: $line"
  done < <(grep -E '^[^ ].*: (error|warning): ' "$WORK/stderr")
  if [[ $want_exit -ne 0 ]]; then
    [[ $(cat "$out/test-de.epub") == "previous good book" ]] && pass "$label: earlier output kept" || fail "$label: earlier output was overwritten"
    extra=$(find "$out" -mindepth 1 ! -name test-de.epub | head -1)
    [[ -z $extra ]] && pass "$label: nothing written" || fail "$label: wrote $extra despite errors"
  else
    for book in "$out"/*.epub; do
      [[ $(head -c 20 "$book") == "previous good book" ]] && continue
      epubcheck_clean "$book"
    done
    for pdf in "$out"/*.pdf; do
      [[ -e $pdf ]] && pdf_clean "$pdf"
    done
  fi
done
finish
