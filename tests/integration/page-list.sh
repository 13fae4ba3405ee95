#!/usr/bin/env bash
# The EPUB's page list follows the printed brochure: each page-break marker
# stands where that page of the a4-handout PDF begins. Checked word by word
# against pdftotext: the words after marker N begin a line of PDF page N
# (after an item's list marker), and the words before it end page N - 1.
source "$(dirname "$0")/lib.sh"
require_epubcheck
require_pdf_tools
cd "$SOURCE_DIR"
run_pamphlet build samples/clinic -p a4-handout -o "$WORK/out"
expect_status 0 "build samples/clinic"

# "LABEL|words before|words after" for each marker of the book, in
# reading order: tags, soft hyphens and the XHTML's own line breaks left out.
markers() {
  local dir=$1
  perl -CSD -e '
    use strict; use warnings;
    my $dir = shift;
    open(my $nav, "<:encoding(UTF-8)", "$dir/EPUB/nav.xhtml") or die;
    my $navtext = do { local $/; <$nav> };
    my ($list) = $navtext =~ m{<nav epub:type="page-list"[^>]*>(.*?)</nav>}s or die "no page-list nav\n";
    my %seen;
    for my $href ($list =~ m{href="([^"#]+)#}g) {
      next if $seen{$href}++;
      open(my $in, "<:encoding(UTF-8)", "$dir/EPUB/$href") or die "$href";
      my $page = do { local $/; <$in> };
      $page =~ s{^.*?<section[^>]*>}{}s;
      my @parts = split m{(<span epub:type="pagebreak"[^>]*aria-label="[^"]*"[^>]*>(?:</span>)?)}, $page;
      my $plain = sub {
        my $t = shift;
        $t =~ s{</?(?:a|em|strong|code|sup|sub|span)\b[^>]*>}{}g;  # inside a line
        $t =~ s{<[^>]+>}{ }g; $t =~ s{\x{AD}}{}g;
        $t =~ s{&lt;}{<}g; $t =~ s{&gt;}{>}g; $t =~ s{&quot;}{"}g; $t =~ s{&amp;}{&}g;
        $t =~ s{\s+}{ }g; $t =~ s{^ | $}{}g; return $t;
      };
      for (my $i = 1; $i < @parts; $i += 2) {
        my ($label) = $parts[$i] =~ m{aria-label="([^"]*)"};
        my @before = split / /, $plain->($parts[$i - 1]);
        my @after = split / /, $plain->(join "", @parts[$i + 1 .. $#parts]);
        my $b = @before ? join(" ", @before[($#before > 1 ? $#before - 2 : 0) .. $#before]) : "";
        $b = "" if $i == 1 && $parts[0] !~ /\S/;  # the article starts with the page
        print "$label|$b|", join(" ", @after[0 .. ($#after > 3 ? 3 : $#after)]), "\n";
      }
    }' "$dir"
}

for lang in de en; do
  book=$WORK/out/clinic-$lang.epub pdf=$WORK/out/clinic-$lang-a4-handout.pdf
  epubcheck_clean "$book"
  mkdir -p "$WORK/$lang" && (cd "$WORK/$lang" && unzip -q "$book")
  markers "$WORK/$lang" >"$WORK/$lang.markers"
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
  count=$(wc -l <"$WORK/$lang.markers")
  # Cover, contents, back page: every other page of the brochure is in the list.
  if [[ $count -eq $((pages - 3)) ]]; then pass "$lang: $count markers for $pages pages"
  else fail "$lang: $count markers for $pages pages"; fi
  n=0
  while IFS="|" read -r label before after; do
    n=$((n + 1))
    [[ $label == "$n" ]] || fail "$lang: marker $n is labelled '$label'"
    physical=$((label + 2))  # after the cover and the page of contents
    pdftotext -f $physical -l $physical "$pdf" "$WORK/page"
    # The footer prints the number the marker says.
    grep -qx "$label" "$WORK/page" || fail "$lang: PDF page $physical is not numbered $label"
    # A line of the page begins with the words after the marker (its list
    # marker aside).
    if perl -CSDA -0777 -ne '
        BEGIN { $w = shift }
        my ($joined, @starts) = ("");
        for my $line (split /\n/) {
          $line =~ s/^\s*(?:\d+\.|\x{2022}|\x{2013})\s+//;
          push @starts, length $joined;
          $joined .= $line . " ";
        }
        exit !grep { substr($joined, $_, length $w) eq $w } @starts' \
      "$after" "$WORK/page"
    then pass "$lang: page $label begins with '$after'"
    else fail "$lang: no line of page $label begins with '$after'"; head -8 "$WORK/page" >&2; fi
    # The words before it are on the page before (lines joined as print broke them).
    if [[ -n $before ]]; then
      pdftotext -f $((physical - 1)) -l $((physical - 1)) "$pdf" "$WORK/previous"
      if perl -CSDA -0777 -ne 'BEGIN { $w = shift } s/-\n(?=\p{Ll})//g; s/\s+/ /g; exit(index($_, $w) < 0)' \
        "$before" "$WORK/previous"
      then pass "$lang: page $((label - 1)) ends with '$before'"
      else fail "$lang: page $((label - 1)) lacks '$before'"; fi
    fi
  done <"$WORK/$lang.markers"
done

# epub.page_list: none leaves the book without a page list.
cat >"$WORK/no-list.yaml" <<'YAML'
extends: a4-handout
epub:
  page_list: none
YAML
run_pamphlet build samples/clinic -l de -f epub -p "$WORK/no-list.yaml" -o "$WORK/none"
expect_status 0 "build with epub.page_list: none"
if unzip -p "$WORK/none/clinic-de.epub" EPUB/nav.xhtml | grep -q 'page-list'; then fail "none: the book has a page list"
else pass "none: no page list"; fi
# An e-book built alone pays for no typesetting unless the profile asks.
run_pamphlet build samples/clinic -l de -f epub -o "$WORK/alone"
expect_status 0 "EPUB alone"
if unzip -p "$WORK/alone/clinic-de.epub" EPUB/nav.xhtml | grep -q 'page-list'; then
  fail "EPUB alone: a page list nobody asked for"
else pass "EPUB alone: no page list by default"; fi
cat >"$WORK/asked.yaml" <<'YAML'
extends: a4-handout
epub:
  page_list: a4-handout
YAML
run_pamphlet build samples/clinic -l de -f epub -p "$WORK/asked.yaml" -o "$WORK/asked"
expect_status 0 "EPUB alone, page list asked for"
if unzip -p "$WORK/asked/clinic-de.epub" EPUB/nav.xhtml | grep -q 'page-list'; then
  pass "EPUB alone: the page list the profile names"
else fail "EPUB alone: no page list although the profile names one"; fi
finish
