#!/usr/bin/env bash
# Batch exports: threads, the manifest, incremental builds, keep-going,
# sharding flags, plan, JSON diagnostics, progress and signals.
source "$(dirname "$0")/lib.sh"
require_epubcheck
require_pdf_tools
command -v jq >/dev/null || { echo "FAIL: jq is not installed (run scripts/setup --test)" >&2; exit 1; }
command -v script >/dev/null || { echo "FAIL: script (util-linux) is not installed" >&2; exit 1; }
cd "$SOURCE_DIR"
profiles=(-p a4-handout -p a4-two-column -p letter-handout -p a5-booklet -p large-print)

# --- Threads: the same bytes as one thread, for books and handouts alike.
for j in 1 2; do
  run_pamphlet build samples/clinic -o "$WORK/j$j" "${profiles[@]}" -j $j -q
  expect_status 0 "books, -j $j"
  run_pamphlet build samples/clinic -o "$WORK/j$j" "${profiles[@]}" --article all -j $j -q
  expect_status 0 "handouts, -j $j"
done
count=$(find "$WORK/j1" -name '*.pdf' -o -name '*.epub' | wc -l)
[[ $count -eq $((2 * 6 + 4 * 2 * 6)) ]] && pass "books and one handout per article: $count files" || fail "expected 60 files, found $count"
if diff -r "$WORK/j1" "$WORK/j2" --exclude='pamphlet-manifest*' >/dev/null; then pass "-j 2 writes the same bytes as -j 1"
else fail "-j 2 and -j 1 differ"; diff -rq "$WORK/j1" "$WORK/j2" >&2 || true; fi
epubcheck_clean "$WORK/j2/clinic-de-fascia.epub"
pdf_clean "$WORK/j2/clinic-en-a5-booklet-stretching.pdf"
pdftotext "$WORK/j2/clinic-de-a4-handout-fascia.pdf" "$WORK/handout.txt"
grep -q "Faszien – das unsichtbare Netzwerk" "$WORK/handout.txt" && pass "handout text" || fail "handout text"

# --- The manifest says what was made, and is right about it.
manifest=$WORK/j2/pamphlet-manifest.jsonl
lines=$(wc -l <"$manifest")
[[ $lines -eq 60 ]] && pass "manifest: 60 lines" || fail "manifest: $lines lines, expected 60"
jq -e -s 'all(.[]; has("id") and has("output") and has("sha256") and has("bytes") and has("inputs")
  and has("pamphlet") and has("seconds") and has("status") and has("diagnostics"))' "$manifest" >/dev/null &&
  pass "manifest: every line has its fields" || fail "manifest: fields missing"
jq -e -s '[.[] | select(.current)] | length == 48 and all(.[]; .articles | length == 1)' "$manifest" >/dev/null &&
  pass "manifest: this build's 48 handouts, the books' lines kept" || fail "manifest: current lines"
bad=0
while IFS=$'\t' read -r output sha pages; do
  file=$WORK/j2/$output
  [[ $(sha256sum "$file" | cut -d' ' -f1) == "$sha" ]] || { bad=1; echo "sha256 differs: $output" >&2; }
  if [[ $output == *.pdf ]]; then
    [[ $(pdfinfo "$file" | awk '/^Pages:/ {print $2}') == "$pages" ]] || { bad=1; echo "pages differ: $output" >&2; }
  fi
done < <(jq -r '[.output, .sha256, (.pages // .spine_items)] | @tsv' "$manifest")
((bad == 0)) && pass "manifest: sha256 and page counts match the files" || fail "manifest: sha256 or pages wrong"

# --- Incremental: nothing changed, nothing made; one article edited, its outputs made.
run_pamphlet build samples/clinic -o "$WORK/j2" "${profiles[@]}" --article all
expect_status 0 "second run"
grep -qx "48 outputs: 0 written, 48 up to date" "$WORK/stdout" && pass "second run: all 48 up to date" ||
  { fail "second run"; cat "$WORK/stdout" >&2; }
cp -r samples/clinic "$WORK/edit"
run_pamphlet build "$WORK/edit" -o "$WORK/edit-out" "${profiles[@]}" -q
run_pamphlet build "$WORK/edit" -o "$WORK/edit-out" "${profiles[@]}" --article all -q
echo "Ein Satz mehr." >>"$WORK/edit/articles/fascia.de.md"
rebuilt() { grep '^wrote' "$WORK/stdout" | sed "s|^wrote $WORK/edit-out/||" | sort | tr '\n' ' '; }
run_pamphlet build "$WORK/edit" -o "$WORK/edit-out" "${profiles[@]}"
want="clinic-de-a4-handout.pdf clinic-de-a4-two-column.pdf clinic-de-a5-booklet.pdf clinic-de-large-print.pdf clinic-de-letter-handout.pdf clinic-de.epub "
[[ $(rebuilt) == "$want" ]] && pass "edited article: exactly the 6 German books made again" || fail "books made again: $(rebuilt)"
run_pamphlet build "$WORK/edit" -o "$WORK/edit-out" "${profiles[@]}" --article all
want="clinic-de-a4-handout-fascia.pdf clinic-de-a4-two-column-fascia.pdf clinic-de-a5-booklet-fascia.pdf clinic-de-fascia.epub clinic-de-large-print-fascia.pdf clinic-de-letter-handout-fascia.pdf "
[[ $(rebuilt) == "$want" ]] && pass "edited article: exactly its 6 handouts made again" || fail "handouts made again: $(rebuilt)"
run_pamphlet build "$WORK/edit" -o "$WORK/edit-out" "${profiles[@]}" --article all --force -q
jq -e -s '[.[] | select(.current)] | all(.status == "written")' "$WORK/edit-out/pamphlet-manifest.jsonl" >/dev/null &&
  pass "--force makes every output again" || fail "--force"

# --- Usage errors: exit 2 and one clear line.
mkdir -p "$WORK/other" && cp layouts/a4-handout.yaml "$WORK/other/"
usage() {
  local want=$1; shift
  run_pamphlet build samples/clinic -o "$WORK/usage" "$@"
  if [[ $status -eq 2 && $(wc -l <"$WORK/stderr") -eq 1 ]] && grep -qF -- "$want" "$WORK/stderr"; then pass "usage: $*"
  else fail "usage: $* (exit $status)"; cat "$WORK/stderr" >&2; fi
}
usage "-j 0: the number of outputs made at once must be a whole number, at least 1" -j 0
usage "-j abc: the number of outputs made at once must be a whole number, at least 1" -j abc
usage "--shard 3: expected K/N" --shard 3
usage "--shard 5/4: shard 5 of 4 does not exist (shards are 0 to 3)" --shard 5/4
usage "--shard 0/0: the shard count must be at least 1" --shard 0/0
usage "--shard auto: no job array in the environment" --shard auto
usage "--manifest $WORK/nowhere/m.jsonl: the folder $WORK/nowhere does not exist" --manifest "$WORK/nowhere/m.jsonl"
usage "--manifest $WORK: is a folder" --manifest "$WORK"
usage "-p a4-handout and -p $WORK/other/a4-handout.yaml would write the same files (outputs are named after the profile's file name); rename one of them" -p a4-handout -p "$WORK/other/a4-handout.yaml"
usage "--article all makes a handout of every article; it cannot be combined with article ids" --article all --article fascia
[[ ! -e $WORK/usage ]] && pass "usage errors write nothing" || fail "usage error wrote files"
SLURM_ARRAY_TASK_ID=1 SLURM_ARRAY_TASK_COUNT=1 run_pamphlet build samples/clinic -o "$WORK/usage" --shard auto
expect_status 2 "a Slurm task beyond its array"

# --- A damaged manifest is not trusted.
echo '{"id": oops' >>"$WORK/j1/pamphlet-manifest.jsonl"
run_pamphlet build samples/clinic -o "$WORK/j1" "${profiles[@]}" --article all -q
expect_status 0 "damaged manifest"
grep -q "pamphlet-manifest.jsonl:61:[0-9]*: warning: not a pamphlet manifest line (not JSON); the manifest is ignored and every output is made again" "$WORK/stderr" &&
  pass "damaged manifest: a warning at its line" || { fail "damaged manifest warning"; cat "$WORK/stderr" >&2; }

# --- Keep going: 20 articles, one broken image, five profiles, both formats:
# 240 handouts, of which the broken article's 6 fail. (More articles check
# nothing more and cost minutes under the sanitizers.)
bash bench/make-collection 20 "$WORK/c20"
handouts=$((20 * 2 * 6))
sed -i 's|^!\[\(.*\)\](../images/stretching.png|![\1](../images/stretching-missing.png|' "$WORK/c20/articles/stretching-5.en.md"
line=$(grep -n 'stretching-missing.png' "$WORK/c20/articles/stretching-5.en.md" | cut -d: -f1)
run_pamphlet build "$WORK/c20" -o "$WORK/c20-out" "${profiles[@]}" -q
expect_status 1 "broken image without --keep-going"
[[ ! -e $WORK/c20-out ]] && pass "without --keep-going nothing is written" || fail "files written despite errors"
run_pamphlet build "$WORK/c20" -o "$WORK/c20-out" "${profiles[@]}" --keep-going -q
expect_status 3 "books with --keep-going"
run_pamphlet build "$WORK/c20" -o "$WORK/c20-out" "${profiles[@]}" --article all --keep-going -q
expect_status 3 "handouts with --keep-going"
grep -qx "pamphlet: 6 of $handouts outputs failed; $((handouts - 6)) written or up to date" "$WORK/stderr" && pass "keep-going summary" ||
  { fail "keep-going summary"; tail -8 "$WORK/stderr" >&2; }
written=$(find "$WORK/c20-out" -name 'clinic-*' | wc -l)
[[ $written -eq $((6 + (handouts - 6))) ]] && pass "every output without the broken article is written ($written)" || fail "$written outputs written"
for f in clinic-en.epub clinic-en-a4-handout.pdf clinic-en-large-print-stretching-5.pdf clinic-en-stretching-5.epub; do
  [[ ! -e $WORK/c20-out/$f ]] && pass "no $f" || fail "$f was written"
done
[[ -e $WORK/c20-out/clinic-de-a4-handout.pdf && -e $WORK/c20-out/clinic-en-stretching-4.epub ]] && pass "the others are there" || fail "outputs missing"
failed=$(jq -r 'select(.status == "failed") | .id' "$WORK/c20-out/pamphlet-manifest.jsonl" | sort | tr '\n' ' ')
want="clinic-en-a4-handout-stretching-5.pdf clinic-en-a4-two-column-stretching-5.pdf clinic-en-a5-booklet-stretching-5.pdf clinic-en-large-print-stretching-5.pdf clinic-en-letter-handout-stretching-5.pdf clinic-en-stretching-5.epub "
[[ $failed == "$want" ]] && pass "manifest names the failed jobs" || fail "failed jobs: $failed; expected $want"
jq -e -s --arg f "$WORK/c20/articles/stretching-5.en.md" --argjson l "$line" \
  'map(select(.status == "failed")) | length == 6 and
   all(.diagnostics | any(.code == "missing-file" and .file == $f and .line == $l and .column == 1))' \
  "$WORK/c20-out/pamphlet-manifest.jsonl" >/dev/null && pass "the manifest gives the image's file:line:col" || fail "image place in manifest"
epubcheck_clean "$WORK/c20-out/clinic-de.epub"
pdf_clean "$WORK/c20-out/clinic-de-a5-booklet.pdf"

# --- JSON diagnostics on stderr.
run_pamphlet build "$WORK/c20" -o "$WORK/c20-out" -l en -f epub --keep-going --diagnostics json
expect_status 3 "--diagnostics json"
if jq -e -s 'length > 0 and all(.[]; has("severity") and has("code") and has("file") and has("line")
    and has("column") and has("message"))' "$WORK/stderr" >/dev/null; then pass "--diagnostics json: JSON lines with their fields"
else fail "--diagnostics json"; cat "$WORK/stderr" >&2; fi
jq -e -s --argjson l "$line" 'any(.[]; .severity == "error" and .code == "missing-file" and .line == $l)' "$WORK/stderr" >/dev/null &&
  pass "--diagnostics json: the broken image" || fail "--diagnostics json: broken image"

# --- plan: the jobs, their input digests, what is up to date.
run_pamphlet plan "$WORK/c20" -o "$WORK/c20-out" "${profiles[@]}" --article all --json
expect_status 0 plan
[[ $(wc -l <"$WORK/stdout") -eq $handouts ]] && pass "plan --json: $handouts jobs" || fail "plan --json: $(wc -l <"$WORK/stdout") lines"
jq -s -r 'map(.id) | sort | .[]' "$WORK/stdout" >"$WORK/plan-a"
run_pamphlet plan "$WORK/c20" -o "$WORK/c20-out" -p large-print -p a5-booklet -p letter-handout -p a4-two-column -p a4-handout -f pdf -f epub --article all --json
jq -s -r 'map(.id) | sort | .[]' "$WORK/stdout" >"$WORK/plan-b"
cmp -s "$WORK/plan-a" "$WORK/plan-b" && pass "plan: the same ids whatever the order of the flags" || fail "plan ids depend on flag order"
run_pamphlet plan samples/clinic -o "$WORK/j2" "${profiles[@]}" --article all
grep -qx "48 outputs, 0 to build" "$WORK/stdout" && pass "plan: all up to date" || { fail "plan text"; cat "$WORK/stdout" >&2; }

# --- Progress: one self-updating line on a terminal, nothing in a pipe.
script -qec "$PAMPHLET build samples/clinic -o $WORK/tty --force" /dev/null >"$WORK/tty.log" 2>&1 || true
grep -q $'\r\033\[K\[[0-9]*/4\] 0:0' "$WORK/tty.log" && pass "progress line on a terminal" || { fail "no progress line on a terminal"; cat -A "$WORK/tty.log" | head >&2; }
run_pamphlet build samples/clinic -o "$WORK/tty" --force
! grep -q $'\r' "$WORK/stderr" && pass "no progress line in a pipe" || fail "progress line in a pipe"

# --- Signals: a killed batch leaves no temporary file and no half-written output.
bash bench/make-collection 50 "$WORK/clean50"
interrupt() {
  local signal=$1 keep=$2 out=$WORK/killed-$1
  "$PAMPHLET" build "$WORK/clean50" -o "$out" -p a4-handout -p large-print --article all -j 2 $keep -q \
    >"$WORK/stdout" 2>"$WORK/stderr" &
  local pid=$! waited=0
  # Kill it when it has made some outputs (keep-going puts them in place at once).
  while ((waited < 600)); do
    if [[ -n $keep ]]; then [[ $(find "$out" -name 'clinic-*' 2>/dev/null | wc -l) -ge 3 ]] && break
    else [[ $(find "$out" -name '.*.tmp-*' 2>/dev/null | wc -l) -ge 1 ]] && break; fi
    sleep 0.05; waited=$((waited + 1))
  done
  kill -s "$signal" $pid
  set +e; wait $pid; status=$?; set -e
}
interrupt TERM --keep-going
expect_status 143 "SIGTERM (keep-going)"
[[ -z $(find "$WORK/killed-TERM" -name '.*.tmp-*') ]] && pass "SIGTERM: no temporary file left" || fail "SIGTERM: temporary files left"
finished=$(find "$WORK/killed-TERM" -name 'clinic-*' | wc -l)
jq -e -s 'length == 300 and any(.[]; .status == "skipped")' "$WORK/killed-TERM/pamphlet-manifest.jsonl" >/dev/null &&
  pass "SIGTERM: the manifest lists every job, unfinished ones skipped" || fail "SIGTERM: manifest"
[[ $(jq -r 'select(.status == "written") | .output' "$WORK/killed-TERM/pamphlet-manifest.jsonl" | wc -l) -eq $finished && $finished -lt 300 ]] &&
  pass "SIGTERM: $finished finished outputs kept, each in the manifest" || fail "SIGTERM: $finished outputs, manifest disagrees"
bad=0
while IFS=$'\t' read -r output sha; do
  [[ $(sha256sum "$WORK/killed-TERM/$output" | cut -d' ' -f1) == "$sha" ]] || bad=1
done < <(jq -r 'select(.status == "written") | [.output, .sha256] | @tsv' "$WORK/killed-TERM/pamphlet-manifest.jsonl")
((bad == 0)) && pass "SIGTERM: the finished outputs are whole" || fail "SIGTERM: an output does not match its manifest line"
grep -q "pamphlet: interrupted; $finished finished outputs kept" "$WORK/stderr" && pass "SIGTERM: says so" || { fail "SIGTERM message"; cat "$WORK/stderr" >&2; }
run_pamphlet build "$WORK/clean50" -o "$WORK/killed-TERM" -p a4-handout -p large-print --article all -q
jq -e -s --argjson n "$finished" '[.[] | select(.status == "unchanged")] | length == $n' "$WORK/killed-TERM/pamphlet-manifest.jsonl" >/dev/null &&
  pass "after SIGTERM: the next run goes on from there" || fail "after SIGTERM: finished outputs made again"
interrupt INT ""
expect_status 130 "SIGINT (all or nothing)"
[[ -z $(find "$WORK/killed-INT" -type f) ]] && pass "SIGINT: nothing written, no temporary file" || { fail "SIGINT left files"; find "$WORK/killed-INT" >&2; }

# SIGKILL cannot be caught: its temporary files are cleaned by the next run.
interrupt KILL ""
expect_status 137 "SIGKILL"
left=$(find "$WORK/killed-KILL" -name '.*.tmp-*' | wc -l)
((left >= 1)) && pass "SIGKILL: $left temporary files left behind" || fail "SIGKILL left no temporary file to clean (the test proves nothing)"
# A running build's temporary file (this shell is alive) and an unrelated file stay.
live="$WORK/killed-KILL/.clinic-de-a4-handout-fascia-1.pdf.tmp-$(hostname | tr -c 'A-Za-z0-9.\n' _)-$$-abcdef"
touch "$live" "$WORK/killed-KILL/.notes.txt.tmp-x"
run_pamphlet build "$WORK/clean50" -o "$WORK/killed-KILL" -p a4-handout -p large-print --article all -q
expect_status 0 "the run after SIGKILL"
[[ $(find "$WORK/killed-KILL" -name '.*.tmp-*' | sort | tr '\n' ' ') == "$(printf '%s\n' "$live" "$WORK/killed-KILL/.notes.txt.tmp-x" | sort | tr '\n' ' ')" ]] &&
  pass "after SIGKILL: the dead run's temporary files removed, a live one and others' files kept" ||
  { fail "after SIGKILL: temporary files"; find "$WORK/killed-KILL" -name '.*.tmp-*' >&2; }

# A file-size limit (ulimit -f) fails the write, it does not kill the build.
mkdir -p "$WORK/xfsz" && echo "previous good book" >"$WORK/xfsz/clinic-de.epub"
(ulimit -f 64; run_pamphlet build samples/clinic -o "$WORK/xfsz" -q; echo $status >"$WORK/status")
status=$(cat "$WORK/status")
expect_status 1 "file-size limit"
grep -q "error: cannot write .*File too large" "$WORK/stderr" && pass "file-size limit: said" || { fail "file-size limit message"; cat "$WORK/stderr" >&2; }
[[ $(cat "$WORK/xfsz/clinic-de.epub") == "previous good book" && -z $(find "$WORK/xfsz" -name '.*.tmp-*') && $(find "$WORK/xfsz" -type f | wc -l) -eq 1 ]] &&
  pass "file-size limit: the earlier book kept, nothing else written, no temporary file" || { fail "file-size limit left files"; ls -la "$WORK/xfsz" >&2; }
finish
