#!/usr/bin/env bash
# The GIF/PNG twins for the GIF decoder's test, made with ImageMagick 6
# (Debian's imagemagick): a 32×32 plasma of 200 colours, transparent outside a
# circle, once as PNG with alpha and once as GIF with a transparent colour
# index (LZW as a real encoder writes it). Committed; run again only to change them.
set -euo pipefail
cd "$(dirname "$0")"
convert -size 32x32 -seed 7 plasma:fractal +dither -colors 200 -alpha set \
  \( -size 32x32 xc:none -fill white -draw "circle 16,16 16,1" \) -compose DstIn -composite \
  -channel A -threshold 50% +channel -depth 8 -define png:exclude-chunks=date,time plasma_32.png
convert plasma_32.png +dither plasma_32.gif
