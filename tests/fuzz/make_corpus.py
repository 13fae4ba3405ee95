#!/usr/bin/env python3
"""Writes the seed and hostile inputs of tests/fuzz/corpus/<target>/ (zlib and
struct only), so that each can be read here and remade. Run it from the
source tree's root: python3 tests/fuzz/make_corpus.py. The outputs are
committed; inputs a fuzzing session adds (crashes, minimized) sit beside
them under names of their own and are not touched.

Names: seed-* are ordinary inputs a fuzzer starts from; hostile-* are known
attacks that must fail cleanly (an error message, no hang, no gigabytes)."""
import pathlib
import re
import struct
import zlib

ROOT = pathlib.Path(".")
CORPUS = ROOT / "tests" / "fuzz" / "corpus"


def write(target, name, data):
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    (folder / name).write_bytes(data)


def chunk(kind, data, length=None):
    body = kind + data
    return (struct.pack(">I", len(data) if length is None else length) + body +
            struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF))


def png(width, height, rows, extra=b"", bit_depth=8, color_type=0):
    ihdr = struct.pack(">IIBBBBB", width, height, bit_depth, color_type, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + extra +
            chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


# --- article: an article file (front matter + Markdown) ----------------------
# Image paths are those of the fuzz targets' own collection (square.png and
# photo.jpg in articles/ and images/).
fascia = (ROOT / "samples/clinic/articles/fascia.en.md").read_text()
fascia = re.sub(r"\.\./images/[a-z-]+\.png", "../images/square.png", fascia)
write("article", "seed-sample-fascia.en.md", fascia)
write("article", "seed-minimal.md", "---\ntitle: Minimal\n---\n")
write("article", "seed-everything.md", """---
title: "Everything \\"quoted\\" -- and dashes..."
summary: All the block and inline kinds.
author: A. Author
date: 2024-05-01
image: photo.jpg
image_alt: A photo.
tags: [one, two]
url: https://example.org/everything
---

# Heading one {#custom}

Paragraph with *emphasis*, **strong**, `code`, a [link](https://example.org),
a [section link](#more), [the second article](second.en.md#top) and a
footnote-like^1 thing. Hard  
break and soft
break.

## More

> A quote
> > nested

1. one
2. two
   - three
   - four

```cpp
int main() { return 0; }
```

---

![Square](square.png "Caption")

![Photo](../images/photo.jpg)

<b>bold</b> <sup>up</sup> <sub>down</sub> <br> &amp; &copy;

| a | b |
|---|---|
| 1 | 2 |
""")
for name in ("text.de.md", "html.de.md"):
    text = (ROOT / "tests/collections/ok/hostile/articles" / name).read_bytes()
    write("article", "seed-hostile-" + name, text)
# 20,000 links, each inside the text of the one before: cmark's bracket
# matching and pamphlet's link handling must stay linear.
write("article", "hostile-nested-links-20000.md",
      "---\ntitle: Links\n---\n\n" + "[" * 20000 + "x" + "](#a)" * 20000 + "\n")
write("article", "hostile-nul-byte.md", b"---\ntitle: N\x00UL\n---\n\nText \x00 with a NUL.\n")

# --- yaml: collection.yaml and front matter ------------------------------------
write("yaml", "seed-collection.yaml", """id: fuzz
title: {en: Fuzzing, de: Unschärfe}
subtitle: Hostile input
languages: [en, de]
publisher:
  name: Clinic
  address: Street 1, Town
  phone: "+49 30 1234"
  email: clinic@example.org
  website: https://clinic.example.org
  logo: images/square.png
articles: [first, second]
cover: images/photo.jpg
identifier: urn:isbn:9783161484100
rights: {en: All rights reserved., de: Alle Rechte vorbehalten.}
date: 2024-05-01
""")
write("yaml", "seed-clinic-collection.yaml", (ROOT / "samples/clinic/collection.yaml").read_bytes())
write("yaml", "seed-front-matter.yaml", fascia.split("---\n")[1])
# Nine levels of nine aliases: 10^9 nodes once expanded, from 800 bytes.
lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
for level in range(1, 10):
    refs = ", ".join(["*a%d" % (level - 1)] * 9)
    lines.append("a%d: &a%d [%s]" % (level, level, refs))
write("yaml", "hostile-billion-laughs.yaml", "\n".join(lines) + "\n")
write("yaml", "hostile-nul-byte.yaml",
      b"id: fu\x00zz\ntitle: T\x00\nlanguages: [en]\npublisher: {name: C}\narticles: [first]\n")

# --- profile: layouts/*.yaml ---------------------------------------------------
for layout in sorted((ROOT / "layouts").glob("*.yaml")):
    write("profile", "seed-" + layout.name, layout.read_bytes())
write("profile", "seed-extends.yaml", """extends: a4-handout
page:
  size: 148mm x 210mm
  orientation: landscape
  columns: 3
text:
  size: 7pt
colors:
  accent: cmyk(0, 60, 100, 0)
""")
write("profile", "hostile-billion-laughs.yaml",
      "\n".join(lines).replace("a0: &a0", "name: &a0") + "\n")
write("profile", "hostile-nul-byte.yaml", b"extends: a4-han\x00dout\nname: N\x00\n")

# --- image: PNG and JPEG files -------------------------------------------------
for fixture in sorted((ROOT / "tests/unit/image/data").iterdir()):
    if fixture.suffix in (".png", ".jpg"):
        write("image", "seed-" + fixture.name, fixture.read_bytes())
# An RGB header claiming 29999 x 29999 pixels (just under the side limit, 9x
# the pixel limit) over a few bytes of IDAT: must be refused before 2.7 GB
# of pixels are allocated.
write("image", "hostile-png-29999x29999.png", png(29999, 29999, b"\x00" * 30000, color_type=2))
# A tEXt chunk whose length field says 2 GiB - 1: must not be believed.
write("image", "hostile-png-huge-text-chunk.png",
      png(1, 1, b"\x00\x00", extra=chunk(b"tEXt", b"Comment\x00hello", length=0x7FFFFFFF)))
good_png = (ROOT / "tests/unit/image/data/gradient.png").read_bytes()
write("image", "hostile-png-truncated.png", good_png[:len(good_png) // 2])
good_jpeg = (ROOT / "tests/unit/image/data/photo.jpg").read_bytes()
write("image", "hostile-jpeg-truncated.jpg", good_jpeg[:len(good_jpeg) // 2])
write("image", "hostile-jpeg-header-only.jpg", good_jpeg[:20])
write("image", "hostile-gif-truncated.gif", b"GIF89a\x01\x00\x01\x00\x80\x00\x00")
