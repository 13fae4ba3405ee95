#!/usr/bin/env bash
# Scale-out on a real Slurm cluster: the test starts its own single-node
# cluster on localhost (munged, slurmctld, slurmd; everything under $WORK, no
# systemd, no cgroups, nothing from /etc/slurm or /etc/munge), submits the job
# array and the merge job of docs/scale-out.md as printed there, and checks
# that the four shards together wrote the very files, byte for byte, of one
# `pamphlet build` of the same selection. Runs as root; stops every daemon it
# started when it ends, also when it fails.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/shards.sh"

if [[ $(id -u) -ne 0 ]]; then
  echo "FAIL: slurm.sh must run as root: it starts its own munged, slurmctld and slurmd (CI runs the tests as root)" >&2
  exit 1
fi
export PATH="$PATH:/usr/sbin:/sbin"
for tool in munged munge unmunge slurmctld slurmd sbatch sinfo squeue scontrol scancel jq sha256sum timeout; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool is not installed (run scripts/setup --test)" >&2; exit 1; }
done

# Nothing of a job array this test might itself run in, nor of another cluster.
unset "${!SLURM_@}" JOB_COMPLETION_INDEX AWS_BATCH_JOB_ARRAY_INDEX PAMPHLET_SHARDS
# The scripts call `pamphlet`, as on a real cluster.
mkdir "$WORK/bin"
ln -s "$(realpath "$PAMPHLET")" "$WORK/bin/pamphlet"
export PATH="$WORK/bin:$PATH"

docs=$SOURCE_DIR/docs/scale-out.md
cluster=$WORK/cluster
mkdir -m 0700 "$cluster"
mkdir -m 0700 "$cluster"/{munge,state,spool,run,log}
export SLURM_CONF=$cluster/slurm.conf
munge_socket=$cluster/munge/munge.socket
daemons=()  # "name pid" of every daemon started, in the order started

# ---------------------------------------------------------------------------
# Start and stop the cluster.

show_logs() {
  local name f
  for name in munged slurmctld slurmd; do
    # The log file, or what the daemon said before it had one.
    f=$cluster/log/$name.log
    [[ -s $f ]] || f=$cluster/log/$name.out
    [[ -s $f ]] || continue
    echo "--- $f (last 30 lines)" >&2
    tail -n 30 "$f" >&2
  done
}

# Cancels what is still queued or running, waits for the job steps to end,
# then stops the daemons, newest first. Runs on every exit.
stop_cluster() {
  local i name pid tries
  if [[ ${#daemons[@]} -gt 1 ]] && timeout 10 scontrol ping >/dev/null 2>&1; then
    if [[ -n $(timeout 10 squeue -h -o %i 2>/dev/null) ]]; then
      timeout 10 scancel -u root >/dev/null 2>&1 || true
      for ((tries = 0; tries < 30; tries++)); do
        [[ -z $(timeout 10 squeue -h -o %i 2>/dev/null) ]] && break
        sleep 0.5
      done
    fi
  fi
  # slurmstepd (one per running job step) talks to slurmd through a socket in
  # the spool folder; once none is left, no job process remains.
  for ((tries = 0; tries < 30; tries++)); do
    [[ -z $(find "$cluster/spool" -type s 2>/dev/null) ]] && break
    sleep 0.5
  done
  for ((i = ${#daemons[@]} - 1; i >= 0; i--)); do
    read -r name pid <<<"${daemons[i]}"
    kill -TERM "$pid" 2>/dev/null || continue
    for ((tries = 0; tries < 50; tries++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.2
    done
    if kill -0 "$pid" 2>/dev/null; then
      echo "stop_cluster: $name ($pid) ignored SIGTERM; killing it" >&2
      kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
  done
  daemons=()
}
trap 'stop_cluster; rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM HUP

# Starts a daemon in the foreground of a background job, its output in the log folder.
start_daemon() {
  local name=$1
  shift
  "$@" </dev/null >"$cluster/log/$name.out" 2>&1 &
  daemons+=("$name $!")
}

alive() { kill -0 "${1##* }" 2>/dev/null; }

cluster_fail() {
  echo "FAIL: $*" >&2
  show_logs
  exit 1
}

# A TCP port nobody uses: not bound and not in any connection (IPv4 or IPv6).
in_use() {
  local hex f tables=()
  hex=$(printf ':%04X' "$1")
  for f in /proc/net/tcp /proc/net/tcp6; do [[ -r $f ]] && tables+=("$f"); done
  # Without /proc (Slurm would not work either): whether something answers.
  ((${#tables[@]} > 0)) || { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; return; }
  awk -v port="$hex" 'FNR > 1 && substr($2, length($2) - 4) == port { found = 1 } END { exit !found }' "${tables[@]}"
}
free_port() {
  local port tries
  for ((tries = 0; tries < 50; tries++)); do
    port=$((20000 + RANDOM % 12000))  # below the kernel's range for outgoing connections
    [[ " $* " == *" $port "* ]] && continue
    in_use "$port" || { echo "$port"; return 0; }
  done
  return 1
}

# munged with a fresh key, its socket, pid, log and seed in $cluster/munge.
dd if=/dev/urandom of="$cluster/munge/munge.key" bs=1024 count=1 status=none
chmod 0400 "$cluster/munge/munge.key"
start_daemon munged munged --foreground --force \
  --socket="$munge_socket" --key-file="$cluster/munge/munge.key" \
  --pid-file="$cluster/munge/munged.pid" --log-file="$cluster/munge/munged.log" \
  --seed-file="$cluster/munge/munged.seed"
for ((tries = 0; tries < 50; tries++)); do
  [[ -S $munge_socket ]] && break
  alive "${daemons[0]}" || cluster_fail "munged exited at once"
  sleep 0.2
done
if munge --socket="$munge_socket" --string=pamphlet 2>/dev/null \
    | unmunge --socket="$munge_socket" >/dev/null 2>&1; then
  pass "munged on $munge_socket encodes and decodes a credential"
else
  cluster_fail "munged on $munge_socket does not answer"
fi

# slurm.conf from the template, for this host, on two free ports. A daemon that
# loses a port to someone else in the meantime is started again on new ones.
host=$(hostname -s)
# At least 8 CPUs, whatever the machine has, so that the four tasks of the
# array (2 CPUs each) run at once: sbatch --wait looks again after 2, 10 and
# 42 s, and tasks one after another would cost the third look. Nothing is
# confined (task/none), so the machine is merely busy for a few seconds.
cpus=$(nproc)
((cpus >= 8)) || cpus=8
write_conf() {
  sed -e "s|@HOST@|$host|g" -e "s|@CTLD_PORT@|$1|g" -e "s|@SLURMD_PORT@|$2|g" \
      -e "s|@MUNGE_SOCKET@|$munge_socket|g" -e "s|@STATE_DIR@|$cluster/state|g" \
      -e "s|@SPOOL_DIR@|$cluster/spool|g" -e "s|@RUN_DIR@|$cluster/run|g" \
      -e "s|@LOG_DIR@|$cluster/log|g" -e "s|@CPUS@|$cpus|g" \
      "$SOURCE_DIR/tests/slurm/slurm.conf.in" >"$SLURM_CONF"
  # slurmd sets up a cgroup plugin even when no other plugin uses it, and its
  # autodetection fails where /sys/fs/cgroup is not mounted (a chroot). Naming
  # one spares it: cgroup/v1 touches nothing until a job step uses cgroups,
  # which none does here; from 24.05 on Slurm knows "disabled". Slurm reads
  # cgroup.conf from beside slurm.conf.
  local cgroup=cgroup/v1
  if [[ $(slurmd -V) =~ ([0-9]+)\.([0-9]+) ]] \
      && ((10#${BASH_REMATCH[1]} * 100 + 10#${BASH_REMATCH[2]} >= 2405)); then cgroup=disabled; fi
  echo "CgroupPlugin=$cgroup" >"$cluster/cgroup.conf"
  local left
  left=$(grep -v '^#' "$SLURM_CONF" | grep -o '@[A-Z_]*@' | sort -u | tr '\n' ' ' || true)
  [[ -z $left ]] || cluster_fail "slurm.conf keeps placeholders: $left"
}
started=""
for _ in 1 2 3; do  # three tries
  ctld_port=$(free_port) && slurmd_port=$(free_port "$ctld_port") \
    || cluster_fail "found no free TCP port in 50 tries"
  write_conf "$ctld_port" "$slurmd_port"
  # -D: in the foreground, so that the pid is ours; absolute -f: the daemons chdir to /.
  start_daemon slurmctld slurmctld -D -f "$SLURM_CONF"
  start_daemon slurmd slurmd -D -f "$SLURM_CONF"
  # The node is up once the controller reports it idle.
  deadline=$((SECONDS + 60))
  while ((SECONDS < deadline)); do
    state=$(timeout 10 sinfo -h -n "$host" -o %T 2>/dev/null || true)
    [[ $state == idle ]] && { started=yes; break; }
    alive "${daemons[1]}" && alive "${daemons[2]}" || break
    sleep 0.5
  done
  [[ -n $started ]] && break
  if grep -qi 'address already in use' "$cluster"/log/*; then
    echo "ports $ctld_port/$slurmd_port were taken meanwhile; again on others" >&2
    kill -TERM "${daemons[2]##* }" "${daemons[1]##* }" 2>/dev/null || true
    wait "${daemons[2]##* }" "${daemons[1]##* }" 2>/dev/null || true
    daemons=("${daemons[0]}")
    rm -rf "$cluster"/state/* "$cluster"/spool/* "$cluster"/log/slurm*
    continue
  fi
  break
done
[[ -n $started ]] || cluster_fail "node $host did not become idle within 60 s (sinfo says: ${state:-nothing})"
pass "slurmctld (port $ctld_port) and slurmd (port $slurmd_port) up; node $host idle with $cpus CPUs"

# ---------------------------------------------------------------------------
# The batch: the scripts of docs/scale-out.md, run as printed there.

shared=$WORK/shared  # what the nodes of a real cluster would all mount
mkdir "$shared"
for script in pamphlet-array.sbatch pamphlet-merge.sbatch; do
  doc_block "tests/integration/slurm.sh runs this script: $script" >"$shared/$script"
  [[ -s $shared/$script ]] || { fail "docs/scale-out.md shows no $script after its marker"; finish; }
done
selection=(-p a4-handout -p large-print)
grep -qF -- 'profiles=(-p a4-handout -p large-print)' "$shared/pamphlet-array.sbatch" \
  && grep -qF -- '--shard auto' "$shared/pamphlet-array.sbatch" \
  && pass "docs/scale-out.md shows the array script, with the selection tested here" \
  || fail "docs/scale-out.md: the array script no longer builds '${selection[*]}' with --shard auto"

"$SOURCE_DIR/bench/make-collection" 12 "$shared/clinic"
export COLLECTION=$shared/clinic OUT=$shared/out  # the scripts' defaults are /shared/...
planned_handouts=$("$PAMPHLET" plan "$COLLECTION" -o "$OUT/handouts" "${selection[@]}" --article all --json | wc -l)
planned_books=$("$PAMPHLET" plan "$COLLECTION" -o "$OUT/books" "${selection[@]}" --json | wc -l)
pass "the batch: $planned_handouts handouts and $planned_books books"

# Every task of a job finished and exited 0 (scontrol: there is no accounting database).
tasks_ok() {
  local job=$1 count=$2 what=$3 lines
  lines=$(scontrol -o show job "$job" 2>&1 | grep -o 'JobState=[A-Z_]* .*ExitCode=[0-9:]*' \
            | sed 's/JobState=\([A-Z_]*\) .*ExitCode=\([0-9:]*\)/\1 \2/')
  if [[ $(grep -c '^COMPLETED 0:0$' <<<"$lines") -eq $count && $(wc -l <<<"$lines") -eq $count ]]; then
    pass "$what: $count task(s) COMPLETED with exit code 0"
  else
    fail "$what: tasks ended as: $(tr '\n' ' ' <<<"$lines")(state, exit code:signal)"
  fi
}

# The array, as the docs' script asks (--array=0-3), waited for.
cd "$shared"
started_at=$SECONDS
set +e
array=$(timeout 180 sbatch --parsable --wait --array=0-3 pamphlet-array.sbatch 2>"$WORK/sbatch.err")
status=$?
set -e
array=${array%%;*}
if [[ $status -eq 0 ]]; then pass "sbatch --wait --array=0-3: exit 0 after $((SECONDS - started_at)) s"
else
  fail "sbatch --wait --array=0-3: exit $status"; cat "$WORK/sbatch.err" >&2
  for f in "$shared"/pamphlet-*.out; do [[ -e $f ]] && { echo "--- $f" >&2; cat "$f" >&2; }; done
  show_logs
fi
[[ $array =~ ^[0-9]+$ ]] || { fail "sbatch printed no job id: '$array'"; finish; }
tasks_ok "$array" 4 "the array"
for k in 0 1 2 3; do
  log=$shared/pamphlet-${array}_$k.out
  if [[ -f $log && ! -s $log ]]; then pass "task $k: quiet (its log is empty)"
  else fail "task $k: its log $log is missing or not empty"; [[ -f $log ]] && cat "$log" >&2; fi
done
# Without the shards' work, what follows would only repeat the failure.
((failures == 0)) || finish

# The merge job of the docs, after the array (already done, so it may start at once).
set +e
merge_job=$(timeout 180 sbatch --parsable --wait --dependency=afterok:"$array" --kill-on-invalid-dep=yes \
              pamphlet-merge.sbatch 2>"$WORK/sbatch.err")
status=$?
set -e
merge_job=${merge_job%%;*}
if [[ $status -eq 0 ]]; then pass "sbatch --wait --dependency=afterok: exit 0"
else fail "sbatch --wait --dependency=afterok: exit $status"; cat "$WORK/sbatch.err" "$shared"/pamphlet-merge-*.out >&2 || true; fi
# A merge cancelled for its dependency would exit 0 as well: it must have run.
if [[ $merge_job =~ ^[0-9]+$ ]]; then tasks_ok "$merge_job" 1 "the merge job"
else fail "sbatch printed no job id for the merge: '$merge_job'"; fi

# ---------------------------------------------------------------------------
# What the shards made.

check_shares "$OUT/handouts" "$planned_handouts" "handouts"
check_shares "$OUT/books" "$planned_books" "books"
# Over the whole batch, every task had work to do.
for k in 0 1 2 3; do
  n=$(cat "$OUT"/{handouts,books}/pamphlet-manifest-$k-of-4.jsonl 2>/dev/null \
        | jq -s '[.[] | select(.current and .status == "written")] | length' || echo 0)
  ((n > 0)) && pass "task $k wrote $n outputs" || fail "task $k wrote nothing"
done

# The same selection, built in one process, elsewhere.
run_pamphlet build "$COLLECTION" -o "$WORK/local/handouts" "${selection[@]}" --article all -q
expect_status 0 "one-process build of the handouts"
run_pamphlet build "$COLLECTION" -o "$WORK/local/books" "${selection[@]}" -q
expect_status 0 "one-process build of the books"

for part in handouts books; do
  planned_var=planned_$part
  planned=${!planned_var}
  # The merge, here again: exit 0, the plan's job count, the same bytes as the merge job's.
  run_pamphlet manifest merge "$OUT/$part"/pamphlet-manifest-{0,1,2,3}-of-4.jsonl -o "$WORK/$part-merged.jsonl"
  expect_status 0 "$part: pamphlet manifest merge"
  [[ -f $WORK/$part-merged.jsonl ]] || touch "$WORK/$part-merged.jsonl"
  lines=$(wc -l <"$WORK/$part-merged.jsonl")
  [[ $lines -eq $planned ]] && pass "$part: merged manifest has the $planned planned jobs" \
    || fail "$part: merged manifest has $lines lines, pamphlet plan lists $planned jobs"
  cmp -s "$WORK/$part-merged.jsonl" "$OUT/$part/pamphlet-manifest.jsonl" \
    && pass "$part: the merge job wrote the same manifest" || fail "$part: the merge job's manifest differs"
  sha256_match "$WORK/$part-merged.jsonl" "$OUT/$part" "$part: merged"

  # The union of the shards' files is the one-process build, byte for byte.
  same_outputs "$OUT/$part" "$WORK/local/$part" "$part"

  # With the merged manifest in place, a build without --shard has nothing to do.
  if [[ $part == handouts ]]; then run_pamphlet plan "$COLLECTION" -o "$OUT/$part" "${selection[@]}" --article all
  else run_pamphlet plan "$COLLECTION" -o "$OUT/$part" "${selection[@]}"; fi
  [[ $status -eq 0 && $(tail -n 1 "$WORK/stdout") == "$planned outputs, 0 to build" ]] \
    && pass "$part: pamphlet plan after the merge: 0 to build" \
    || fail "$part: pamphlet plan after the merge: $(tail -n 1 "$WORK/stdout") (exit $status)"
done

# A shard's manifest left out: the merge fails and names it.
run_pamphlet manifest merge "$OUT"/handouts/pamphlet-manifest-{0,1,3}-of-4.jsonl -o "$WORK/partial.jsonl"
expect_status 1 "merge without shard 2"
grep -qF "no job of shard 2/4" "$WORK/stderr" && pass "merge names the missing shard 2/4" \
  || { fail "merge without shard 2 does not name it"; cat "$WORK/stderr" >&2; }
[[ ! -e $WORK/partial.jsonl ]] && pass "merge without shard 2 writes nothing" || fail "merge without shard 2 wrote a manifest"

stop_cluster
[[ -z $(find "$cluster/spool" -type s) ]] && pass "cluster stopped" || fail "job step sockets are left in $cluster/spool"
finish
