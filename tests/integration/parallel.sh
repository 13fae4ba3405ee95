#!/usr/bin/env bash
# Scale-out without a cluster: the GNU parallel recipe of docs/scale-out.md,
# run exactly as printed there (four shards into one folder, then `manifest
# merge`), and `--shard auto` under an imitated Kubernetes Indexed Job and AWS
# Batch array job. Whatever splits the work, the shards together must write
# the very files, byte for byte, of one `pamphlet build` of the same selection.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/shards.sh"

for tool in parallel jq sha256sum; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool is not installed (run scripts/setup --test)" >&2; exit 1; }
done
parallel --will-cite --version 2>/dev/null | grep -q 'GNU parallel' \
  || { echo "FAIL: 'parallel' is not GNU parallel (moreutils has another one; run scripts/setup --test)" >&2; exit 1; }

# Shards come from the command line or the imitated job arrays below, never
# from a job array this test might itself be running in.
unset "${!SLURM_@}" JOB_COMPLETION_INDEX AWS_BATCH_JOB_ARRAY_INDEX PAMPHLET_SHARDS
# The recipe calls `pamphlet`, as an operator would.
mkdir "$WORK/bin"
ln -s "$(realpath "$PAMPHLET")" "$WORK/bin/pamphlet"
export PATH="$WORK/bin:$PATH"

selection=(-p a4-handout -p large-print --article all)
docs=$SOURCE_DIR/docs/scale-out.md

# A merged manifest: one line per planned job, every sha256 that of the file.
check_merged() {
  local manifest=$1 dir=$2 what=$3 lines
  [[ -f $manifest ]] || { fail "$what: no merged manifest $manifest"; return; }
  lines=$(wc -l <"$manifest")
  if [[ $lines -eq $planned ]]; then pass "$what: merged manifest has the $planned planned jobs"
  else fail "$what: merged manifest has $lines lines, the plan $planned jobs"; fi
  sha256_match "$manifest" "$dir" "$what: merged"
  local disagree
  disagree=$(comm -3 <(jq -c '[.id, .output, .sha256, .bytes, .inputs]' "$manifest" | sort) \
                     <(jq -c '[.id, .output, .sha256, .bytes, .inputs]' "$WORK/ref/pamphlet-manifest.jsonl" | sort) \
               | jq -r '.[0]' | sort -u)
  if [[ -z $disagree ]]; then pass "$what: merged manifest records what the one-process build recorded"
  else fail "$what: merged manifest and the one-process build's manifest disagree on $(wc -l <<<"$disagree") job(s)"
    head -n 5 <<<"$disagree" | sed 's/^/  /' >&2; fi
}

cd "$WORK"
"$SOURCE_DIR/bench/make-collection" 12 clinic
planned=$("$PAMPHLET" plan clinic -o out "${selection[@]}" --json | wc -l)
((planned >= 40)) && pass "the selection has $planned jobs" || fail "the selection has only $planned jobs"

run_pamphlet build clinic -o ref "${selection[@]}" -q
expect_status 0 "one-process build"

# --- GNU parallel, the recipe of the docs ---------------------------------------
recipe=$(doc_block "tests/integration/parallel.sh runs these commands")
if grep -qF -- "--shard {}/4" <<<"$recipe" && grep -qF -- "${selection[*]}" <<<"$recipe"; then
  pass "docs/scale-out.md shows the recipe, with the selection tested here"
else
  fail "docs/scale-out.md: no GNU parallel recipe building '${selection[*]}' with --shard {}/4 after the marker"
  finish
fi
run_recipe() {
  set +e
  bash -euo pipefail -c "$recipe" >"$WORK/stdout" 2>"$WORK/stderr"
  status=$?
  set -e
}
run_recipe
expect_status 0 "the recipe"
check_shares out "$planned" "parallel" nonempty
check_merged out/pamphlet-manifest.jsonl out "parallel"
same_outputs out ref "parallel"
if [[ $(jq -r .status out/pamphlet-manifest.jsonl | sort -u) == written ]]; then pass "parallel: every job written"
else fail "parallel: not every job was written"; fi

# The merged manifest is the folder's manifest for a build without --shard.
run_pamphlet plan clinic -o out "${selection[@]}"
if [[ $status -eq 0 && $(tail -n 1 "$WORK/stdout") == "$planned outputs, 0 to build" ]]; then
  pass "pamphlet plan after the merge: $planned outputs, 0 to build"
else fail "pamphlet plan after the merge: $(tail -n 1 "$WORK/stdout") (exit $status)"; fi

# A shard left out: the merge must fail and say which.
run_pamphlet manifest merge out/pamphlet-manifest-{0,1,2}-of-4.jsonl -o "$WORK/partial.jsonl"
expect_status 1 "merge without shard 3"
grep -qF "no job of shard 3/4" "$WORK/stderr" && pass "merge names the missing shard" \
  || { fail "merge without shard 3 does not name it"; cat "$WORK/stderr" >&2; }
[[ ! -e $WORK/partial.jsonl ]] && pass "merge without shard 3 writes nothing" || fail "merge without shard 3 wrote $WORK/partial.jsonl"

# Incremental, per shard: again, nothing to do; after one article changes, its three outputs.
run_recipe
expect_status 0 "the recipe again"
if [[ $(cat out/pamphlet-manifest-?-of-4.jsonl | jq -r 'select(.current) | .status' | sort -u) == unchanged ]]
then pass "the recipe again: every shard finds its outputs up to date"
else fail "the recipe again: some shard built again"; fi
printf '\nOne more paragraph.\n' >>clinic/articles/fascia-2.en.md
run_recipe
expect_status 0 "the recipe after an edit"
remade=$(cat out/pamphlet-manifest-?-of-4.jsonl | jq -r 'select(.current and .status == "written") | .id' | sort | tr '\n' ' ')
if [[ $remade == "clinic-en-a4-handout-fascia-2.pdf clinic-en-fascia-2.epub clinic-en-large-print-fascia-2.pdf " ]]
then pass "after an edit the shards make just that article's three outputs"
else fail "after editing fascia-2.en.md the shards made: $remade"; fi
run_pamphlet build clinic -o ref "${selection[@]}" -q
expect_status 0 "one-process build after the edit"
same_outputs out ref "parallel after an edit"
check_merged out/pamphlet-manifest.jsonl out "parallel after an edit"

# --- --shard auto in imitated job arrays ----------------------------------------
# Each shard a process of its own, all at once, as the pods or child jobs would run.
# shard_array FOLDER VARIABLE [VAR=VALUE...] -- [pamphlet options...]
shard_array() {
  local dir=$1 variable=$2 k failed=0
  shift 2
  local env=()
  while [[ $1 != -- ]]; do env+=("$1"); shift; done
  shift
  local pids=()
  for k in 0 1 2 3; do
    env "${env[@]}" "$variable=$k" "$PAMPHLET" build clinic -o "$dir" "${selection[@]}" --shard auto "$@" -q \
      >"$WORK/$dir-$k.log" 2>&1 &
    pids+=($!)
  done
  for k in 0 1 2 3; do
    wait "${pids[k]}" || { failed=1; echo "--- $variable=$k:" >&2; cat "$WORK/$dir-$k.log" >&2; }
  done
  ((failed == 0)) && pass "$dir: four shards with --shard auto" || fail "$dir: a shard failed"
  run_pamphlet manifest merge "$dir"/pamphlet-manifest-{0,1,2,3}-of-4.jsonl -o "$dir/pamphlet-manifest.jsonl"
  expect_status 0 "$dir: merge"
  check_shares "$dir" "$planned" "$dir" nonempty
  check_merged "$dir/pamphlet-manifest.jsonl" "$dir" "$dir"
  same_outputs "$dir" ref "$dir"
}
shard_array k8s JOB_COMPLETION_INDEX -- --shards 4
shard_array aws AWS_BATCH_JOB_ARRAY_INDEX PAMPHLET_SHARDS=4 --
# Without the count these engines do not give, --shard auto is a usage error.
JOB_COMPLETION_INDEX=0 run_pamphlet build clinic -o k8s-nocount "${selection[@]}" --shard auto -q
expect_status 2 "Kubernetes without --shards"
AWS_BATCH_JOB_ARRAY_INDEX=0 run_pamphlet build clinic -o aws-nocount "${selection[@]}" --shard auto -q
expect_status 2 "AWS Batch without PAMPHLET_SHARDS"
[[ ! -e k8s-nocount && ! -e aws-nocount ]] && pass "no count, no output folder" || fail "a build without a shard count wrote something"

finish
