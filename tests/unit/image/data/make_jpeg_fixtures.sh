#!/bin/sh
# Recreates the committed JPEG fixtures (ImageMagick 6, Debian 12). Only
# needed to change them: the tests read the committed files.
set -e
cd "$(dirname "$0")"
convert -size 16x12 gradient:#3060c0-#f0c040 -density 150 -units PixelsPerInch -quality 80 -strip baseline.jpg
convert -size 16x12 gradient:#3060c0-#f0c040 -interlace JPEG -strip -quality 80 progressive.jpg
convert -size 16x12 gradient:white-black -colorspace Gray -strip -quality 80 gray.jpg
convert -size 16x12 gradient:#3060c0-#f0c040 -colorspace CMYK -strip -quality 80 cmyk.jpg
convert -size 48x32 plasma:fractal -seed 7 -quality 70 -strip photo.jpg
