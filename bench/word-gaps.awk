# Inter-word gaps of justified lines, from `pdftotext -bbox-layout` output.
# A line is measured when it has two words or more and its right edge is
# within 2pt of the page's right text edge (the widest line's): that skips
# paragraphs' last lines, headings and ragged text. Prints one Markdown row:
#   | NAME | lines | median gap | sd | p95/median | lines with a gap > 1.5×median | hyphenated |
# Usage: awk -v name=NAME -f word-gaps.awk FILE.html
function flush_line(   i) {
  if (nwords > 0) {
    nlines++
    line_words[nlines] = nwords
    line_right[nlines] = xmax[nwords]
    line_page[nlines] = page
    line_hyphen[nlines] = (last_word ~ /[[:alpha:]]-$/)
    for (i = 2; i <= nwords; i++) gap[nlines, i - 1] = xmin[i] - xmax[i - 1]
    if (xmax[nwords] > page_right[page]) page_right[page] = xmax[nwords]
  }
  nwords = 0
}
function attr(s, key,   m) {
  if (match(s, key "=\"[-0-9.]+\"")) {
    m = substr(s, RSTART + length(key) + 2, RLENGTH - length(key) - 3)
    return m + 0
  }
  return 0
}
/<page / { flush_line(); page++ }
/<line / { flush_line() }
/<word / {
  nwords++
  xmin[nwords] = attr($0, "xMin")
  xmax[nwords] = attr($0, "xMax")
  w = $0
  sub(/.*<word[^>]*>/, "", w); sub(/<\/word>.*/, "", w)
  last_word = w
}
END {
  flush_line()
  n = 0; measured = 0; hyphenated = 0
  for (l = 1; l <= nlines; l++) {
    if (line_words[l] < 2 || line_right[l] < page_right[line_page[l]] - 2) continue
    measured++
    used[l] = 1
    hyphenated += line_hyphen[l]
    for (i = 1; i < line_words[l]; i++) gaps[++n] = gap[l, i]
  }
  if (n == 0) { printf "| %s | 0 | – | – | – | – | – |\n", name; exit }
  # Insertion sort is plenty for a few thousand gaps and needs no gawk.
  for (i = 2; i <= n; i++) {
    v = gaps[i]; j = i - 1
    while (j > 0 && gaps[j] > v) { gaps[j + 1] = gaps[j]; j-- }
    gaps[j + 1] = v
  }
  median = (n % 2) ? gaps[(n + 1) / 2] : (gaps[n / 2] + gaps[n / 2 + 1]) / 2
  p95 = gaps[int(0.95 * (n - 1)) + 1]
  sum = 0; for (i = 1; i <= n; i++) sum += gaps[i]
  mean = sum / n
  sq = 0; for (i = 1; i <= n; i++) sq += (gaps[i] - mean) ^ 2
  sd = sqrt(sq / n)
  wide = 0
  for (l = 1; l <= nlines; l++) {
    if (!used[l]) continue
    for (i = 1; i < line_words[l]; i++) if (gap[l, i] > 1.5 * median) { wide++; break }
  }
  printf "| %s | %d | %.2f | %.2f | %.2f | %.1f%% | %.1f%% |\n", name, measured, median, sd,
    p95 / median, 100 * wide / measured, 100 * hyphenated / measured
}
