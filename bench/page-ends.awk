# Short pages, from `pdftotext -bbox-layout`: how far above the bottom of the
# text area each page's text ends. A page is counted when it holds body text
# (at least `min_words` words of the body's height, the most common word
# height in the file: that leaves out covers, back pages and contents) and
# is not the last such page (where the article, and here the book, ends).
# It is short when its lowest text (the bottom of its lowest word box, the
# footer below the text area left out) lies more than `line` pt above the
# text area's bottom, `bottom` pt from the top of the page: more than one
# line of text is missing. Prints "COUNTED SHORT" and, on stderr with
# -v verbose=1, each page's shortfall.
# Usage: awk -v bottom=PT -v line=PT [-v min_words=N] -f page-ends.awk FILE.html
function attr(s, key) {
  if (match(s, key "=\"[-0-9.]+\"")) return substr(s, RSTART + length(key) + 2, RLENGTH - length(key) - 3) + 0
  return 0
}
BEGIN { if (min_words == "") min_words = 30; pages = 0 }
/<page / { pages++ }
/<word / {
  ymin = attr($0, "yMin"); ymax = attr($0, "yMax")
  h = sprintf("%.1f", ymax - ymin) + 0
  heights[h]++
  n = ++words[pages]
  word_h[pages, n] = h
  word_bottom[pages, n] = ymax
}
END {
  body = 0; most = 0
  for (h in heights) if (heights[h] > most) { most = heights[h]; body = h + 0 }
  last = 0
  for (p = 1; p <= pages; p++) {
    body_words = 0; lowest = 0
    for (i = 1; i <= words[p]; i++) {
      if (word_h[p, i] >= body - 0.2 && word_h[p, i] <= body + 0.2) body_words++
      # The footer (and the page number) sit in the bottom margin; the
      # descenders of the last line may hang a little below the bottom.
      if (word_bottom[p, i] <= bottom + 8 && word_bottom[p, i] > lowest) lowest = word_bottom[p, i]
    }
    is_body[p] = body_words >= min_words
    shortfall[p] = bottom - lowest
    if (is_body[p]) last = p
  }
  counted = 0; short = 0
  for (p = 1; p <= pages; p++) {
    if (!is_body[p] || p == last) continue
    counted++
    if (shortfall[p] > line) short++
    if (verbose) printf "page %d: %.1f pt short%s\n", p, shortfall[p], (shortfall[p] > line ? " (short)" : "") > "/dev/stderr"
  }
  print counted, short
}
