#!/usr/bin/env bash
# Parallel builds under ThreadSanitizer: books and handouts in several
# profiles on four threads, with keep-going and a broken article, so that
# jobs share the collection, the hyphenation patterns and the decoded
# images, fail, and finish in every order. Any report fails the run.
#   tests/sanitizers/tsan-batch.sh PATH/TO/TSAN/pamphlet
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:?usage: tests/sanitizers/tsan-batch.sh PATH/TO/pamphlet}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TSAN_OPTIONS="halt_on_error=1 exitcode=66 suppressions=$PWD/tests/sanitizers/tsan.supp"
bench/make-collection 8 "$work/c"
sed -i 's|^!\[\(.*\)\](../images/fascia-network.png|![\1](../images/missing.png|' "$work/c/articles/fascia-2.de.md"
profiles=(-p a4-handout -p a4-two-column -p a5-booklet -p large-print)
run() {
  local want=$1
  shift
  set +e
  "$bin" build "$work/c" -o "$work/out" "${profiles[@]}" -j 4 -q "$@" 2>"$work/stderr"
  local status=$?
  set -e
  if [[ $status -ne $want ]]; then
    cat "$work/stderr" >&2
    echo "tsan-batch: exit $status, expected $want: $*" >&2
    exit 1
  fi
}
run 3 --keep-going
run 3 --keep-going --article all
run 3 --keep-going --article all --force
sed -i 's|../images/missing.png|../images/fascia-network.png|' "$work/c/articles/fascia-2.de.md"
run 0 --force
echo "tsan-batch: no data race in parallel builds"
