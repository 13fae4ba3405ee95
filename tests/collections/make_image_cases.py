#!/usr/bin/env python3
"""Writes the crafted images of the image-* test collections (zlib and
struct only), each a few hundred bytes. Run it from tests/collections; the
outputs are committed. photo.jpg and gradient.png come from the unit tests'
fixtures."""
import struct
import zlib

UNIT = "../unit/image/data/"


def chunk(kind, data, length=None):
    body = kind + data
    size = len(data) if length is None else length
    return struct.pack(">I", size) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def ihdr(width, height, bit_depth=8, color_type=2):
    return chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, bit_depth, color_type, 0, 0, 0))


SIGNATURE = b"\x89PNG\r\n\x1a\n"


def read(name):
    with open(name, "rb") as f:
        return f.read()


def write(name, data):
    with open(name, "wb") as f:
        f.write(data)


def lzw_literals(indices, min_code_size):
    """GIF LZW data of literal codes only, at the widths a decoder expects."""
    clear, end = 1 << min_code_size, (1 << min_code_size) + 1
    out, bits, count = bytearray(), 0, 0
    size, next_code, first = min_code_size + 1, end + 1, True

    def emit(code):
        nonlocal bits, count
        bits |= code << count
        count += size
        while count >= 8:
            out.append(bits & 0xFF)
            bits >>= 8
            count -= 8

    emit(clear)
    for index in indices:
        if next_code >= 4095:
            emit(clear)
            size, next_code, first = min_code_size + 1, end + 1, True
        emit(index)
        if first:
            first = False
        else:
            next_code += 1
            if next_code == (1 << size) and size < 12:
                size += 1
    emit(end)
    if count:
        out.append(bits & 0xFF)
    return bytes(out)


def gif(width, height, palette, indices, transparent=None):
    table_bits = max(1, (len(palette) - 1).bit_length())
    colours = b"".join(bytes(c) for c in palette) + b"\0" * (3 * ((1 << table_bits) - len(palette)))
    data = lzw_literals(indices, max(2, table_bits))
    blocks = b"".join(bytes([len(data[i:i + 255])]) + data[i:i + 255] for i in range(0, len(data), 255))
    control = b""
    if transparent is not None:
        control = b"!\xf9\x04" + bytes([1, 0, 0, transparent]) + b"\0"
    return (b"GIF89a" + struct.pack("<HHBBB", width, height, 0x80 | (table_bits - 1), 0, 0) + colours +
            control + b"," + struct.pack("<HHHHB", 0, 0, width, height, 0) + bytes([max(2, table_bits)]) +
            blocks + b"\0;")


# ok/image-damaged: each a warning, its alt text in both outputs.
d = "ok/image-damaged/images/"
photo = read(UNIT + "photo.jpg")
write(d + "truncated.jpg", photo[:len(photo) * 2 // 3])
strip = gif(8, 4, [(200, 30, 30), (30, 30, 200), (255, 255, 255)], [(x + y) % 3 for y in range(4) for x in range(8)])
write(d + "truncated.gif", strip[:len(strip) - 12])
write(d + "empty.png", SIGNATURE + ihdr(0, 0) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b""))
gradient = read(UNIT + "gradient.png")
write(d + "truncated.png", gradient[:len(gradient) // 2])
# A tEXt chunk that claims 1.9 GB in a file of 154 bytes.
claim = chunk(b"tEXt", b"Comment\0" + b"x" * 200, length=0x71C71C71)
write(d + "text-claim.png", (SIGNATURE + ihdr(1, 1) + claim)[:154])
write(d + "pixel.webp", read("../unit/epub/data/pixel.webp"))

# ok/image-svg-gif: a GIF both outputs show; an SVG the book shows cleaned.
d = "ok/image-svg-gif/images/"
write(d + "strip.gif", strip)
write(d + "dot.gif", gif(2, 2, [(0, 0, 0), (255, 200, 0)], [1, 0, 0, 1], transparent=0))

# bad/image-huge-claim: 29999 x 29999 pixels claimed in 177 bytes.
d = "bad/image-huge-claim/images/"
rows = zlib.compress(b"\0" * (1 + 3 * 29999) * 2, 9)
write(d + "huge.png", SIGNATURE + ihdr(29999, 29999) + chunk(b"IDAT", rows) + chunk(b"IEND", b""))
