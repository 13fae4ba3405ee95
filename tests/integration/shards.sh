# Checks shared by the scale-out tests (parallel.sh, slurm.sh). Sourced
# after lib.sh, not run. Expects $docs (docs/scale-out.md).

# The fenced block that follows the line "<!-- MARKER ... -->" in the docs.
doc_block() {
  awk -v marker="<!-- $1" 'index($0, marker) == 1 { armed = 1; next }
    armed && /^```/ { if (inside) exit; inside = 1; next }
    inside { print }' "$docs"
}

# The four manifests in DIR hold PLANNED jobs in all, each of its own shard;
# sets `shares` to their sizes (" 12 9 14 13"). With "nonempty", every shard
# must have run some.
check_shares() {
  local dir=$1 planned=$2 what=$3 nonempty=${4:-} k n total=0
  shares=""
  for k in 0 1 2 3; do
    if [[ ! -f $dir/pamphlet-manifest-$k-of-4.jsonl ]]; then
      fail "$what: shard $k/4 wrote no manifest"; shares+=" -"; continue
    fi
    n=$(jq -s --arg s "$k/4" '[.[] | select(.current)] | if all(.shard == $s) then length else -1 end' \
          "$dir/pamphlet-manifest-$k-of-4.jsonl")
    shares+=" $n"
    ((n != -1)) || { fail "$what: manifest $k/4 holds jobs of another shard"; continue; }
    [[ -z $nonempty ]] || ((n > 0)) || fail "$what: shard $k/4 ran no jobs"
    total=$((total + n))
  done
  if ((total == planned)); then pass "$what: shares of${shares} jobs, $planned in all"
  else fail "$what: the shards ran $total jobs, the plan has $planned"; fi
}

# Both folders hold the same files (manifests aside), byte for byte.
same_outputs() {
  local a=$1 b=$2 what=$3 files f differ=0
  files=$(cd "$a" && find . -type f ! -name 'pamphlet-manifest*.jsonl' | sort)
  if [[ $files != "$(cd "$b" && find . -type f ! -name 'pamphlet-manifest*.jsonl' | sort)" ]]; then
    fail "$what: other files than the one-process build"
    diff <(cd "$a" && find . -type f | sort) <(cd "$b" && find . -type f | sort) >&2 || true
    return
  fi
  for f in $files; do
    cmp -s "$a/$f" "$b/$f" || { differ=$((differ + 1)); ((differ > 5)) || echo "  differs: ${f#./}" >&2; }
  done
  if ((differ == 0)); then pass "$what: $(wc -l <<<"$files") files byte-identical to the one-process build"
  else fail "$what: $differ file(s) differ from the one-process build"; fi
}

# Every sha256 of MANIFEST is that of its file in DIR.
sha256_match() {
  local manifest=$1 dir=$2 what=$3
  if jq -r '"\(.sha256)  \(.output)"' "$manifest" | (cd "$dir" && sha256sum --quiet --strict -c -); then
    pass "$what: the manifest's sha256 values match the files"
  else fail "$what: the manifest's sha256 values do not match the files"; fi
}
