#!/usr/bin/env bash
# EPUB export speed against pandoc, measured in the same run on the same input:
# the sample collection's articles of one language, the same fonts and cover.
# pandoc embeds the fonts whole; pamphlet subsets them (it does more work per
# font, and writes a smaller book).
#   bench/epub-vs-pandoc.sh [LANG]        (needs: scripts/setup --bench)
set -euo pipefail
cd "$(dirname "$0")/.."
lang=${1:-de}
for tool in pandoc hyperfine; do
  command -v $tool >/dev/null || { echo "bench: $tool is missing; run scripts/setup --bench" >&2; exit 1; }
done
cmake --preset release >/dev/null && cmake --build --preset release >/dev/null
bin=build/release/pamphlet
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
articles=()
for id in $(sed -n '/^articles:/,/^[a-z]/s/^  - //p' samples/clinic/collection.yaml); do
  articles+=("samples/clinic/articles/$id.$lang.md")
done
fonts=()
for f in fonts/CharisSIL-*.ttf fonts/Lato-Regular.ttf fonts/Lato-Bold.ttf; do fonts+=(--epub-embed-font="$f"); done
pandoc_cmd="pandoc --from markdown --to epub3 --resource-path=samples/clinic/articles --epub-cover-image=samples/clinic/images/cover.png ${fonts[*]} --metadata title=Bench --metadata lang=$lang -o $work/pandoc.epub ${articles[*]}"
pamphlet_cmd="$bin build samples/clinic -f epub -l $lang -q -o $work"
hyperfine --warmup 3 --min-runs 20 --export-markdown "$work/result.md" \
  --command-name pamphlet "$pamphlet_cmd" --command-name pandoc "$pandoc_cmd"
cat "$work/result.md"
echo
echo "sizes: pamphlet $(stat -c %s "$work/clinic-$lang.epub") bytes, pandoc $(stat -c %s "$work/pandoc.epub") bytes"
