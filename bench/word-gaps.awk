# Inter-word gaps of justified body lines, from `pdftotext -bbox-layout`.
# A line is measured when
#   - every word on it has the body text's height (the most common word
#     height in the file, ±0.2pt): that leaves out headings, summaries,
#     captions, bylines, footers and the cover, which are set in other sizes;
#   - it starts at the text column's left edge and ends at its right edge
#     (`margin` points from either side of the page), give or take what
#     microtype's protrusion hangs into the margin: that leaves out the last
#     lines of paragraphs, list items and quotes (both tools indent them) and
#     ragged or centred text;
#   - it holds no dot leaders (a table of contents) and two words or more.
# The gap between the two halves of an abbreviation ("z. B.", "d. h.") is
# not a word space (pamphlet sets a fixed narrow space there), so it is left
# out on both sides. Prints one Markdown row (the caller appends more cells):
#   | NAME | lines | median gap | sd | p95/median | lines with a gap > 1.5×median | hyphenated
# Usage: awk -v name=NAME -v margin=PT -f word-gaps.awk FILE.html
function attr(s, key) {
  if (match(s, key "=\"[-0-9.]+\"")) return substr(s, RSTART + length(key) + 2, RLENGTH - length(key) - 3) + 0
  return 0
}
function flush_line(   i, h, ok) {
  if (nwords > 0) {
    nlines++
    line_words[nlines] = nwords
    line_left[nlines] = xmin[1]
    line_right[nlines] = xmax[nwords]
    line_width[nlines] = page_width
    line_hyphen[nlines] = (text[nwords] ~ /[[:alpha:]]-$/)
    ok = 1
    for (i = 1; i <= nwords; i++) {
      word_height[nlines, i] = height[i]
      if (text[i] ~ /^[.…·]+$/) ok = 0
    }
    line_plain[nlines] = ok
    for (i = 2; i <= nwords; i++) {
      gap[nlines, i - 1] = xmin[i] - xmax[i - 1]
      gap_counts[nlines, i - 1] = !(text[i - 1] ~ /^[[:alpha:]]\.$/ && text[i] ~ /^[[:alpha:]]\./)
    }
  }
  nwords = 0
}
/<page / { flush_line(); page_width = attr($0, "width") }
/<line / { flush_line() }
/<word / {
  nwords++
  xmin[nwords] = attr($0, "xMin")
  xmax[nwords] = attr($0, "xMax")
  height[nwords] = sprintf("%.1f", attr($0, "yMax") - attr($0, "yMin")) + 0
  heights[height[nwords]]++
  w = $0
  sub(/.*<word[^>]*>/, "", w); sub(/<\/word>.*/, "", w)
  text[nwords] = w
}
END {
  flush_line()
  body = 0; most = 0
  for (h in heights) if (heights[h] > most) { most = heights[h]; body = h + 0 }
  # Protrusion: microtype hangs hyphens, punctuation and round letters up to
  # about 2pt into the margin; a line that falls short of the edge by more
  # than half a point is not justified.
  n = 0; measured = 0; hyphenated = 0
  for (l = 1; l <= nlines; l++) {
    if (line_words[l] < 2 || !line_plain[l]) continue
    left = margin; right = line_width[l] - margin
    if (line_left[l] < left - 3 || line_left[l] > left + 0.5) continue
    if (line_right[l] < right - 0.5 || line_right[l] > right + 3) continue
    same_size = 1
    for (i = 1; i <= line_words[l]; i++)
      if (word_height[l, i] < body - 0.2 || word_height[l, i] > body + 0.2) same_size = 0
    if (!same_size) continue
    measured++
    used[l] = 1
    hyphenated += line_hyphen[l]
    for (i = 1; i < line_words[l]; i++) if (gap_counts[l, i]) gaps[++n] = gap[l, i]
  }
  if (n == 0) { printf "| %s | 0 | – | – | – | – | – ", name; exit }
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
    for (i = 1; i < line_words[l]; i++)
      if (gap_counts[l, i] && gap[l, i] > 1.5 * median) { wide++; break }
  }
  printf "| %s | %d | %.2f | %.2f | %.2f | %.1f %% | %.1f %% ", name, measured, median, sd,
    p95 / median, 100 * wide / measured, 100 * hyphenated / measured
}
