#!/usr/bin/env python3
"""Writes the tiny PNG fixtures of tests/unit/image, byte by byte (zlib and
struct only), so every flavour libpng must handle is present with known
pixel values. Run it from this folder; the outputs are committed."""
import struct
import zlib


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def png(width, height, bit_depth, color_type, rows, interlaced=False, extra=b""):
    """rows: list of rows of packed sample bytes (no filter byte)."""
    ihdr = struct.pack(">IIBBBBB", width, height, bit_depth, color_type, 0, 0, 1 if interlaced else 0)
    raw = b"".join(b"\x00" + row for row in rows)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + extra +
            chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def write(name, data):
    with open(name, "wb") as f:
        f.write(data)


# RGBA, 3x2, with a 300 dpi pHYs (11811 pixels per metre).
rgba = [bytes([255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 0]),
        bytes([10, 20, 30, 255, 40, 50, 60, 255, 70, 80, 90, 255])]
write("rgba8.png", png(3, 2, 8, 6, rgba, extra=chunk(b"pHYs", struct.pack(">IIB", 11811, 11811, 1))))

# Opaque RGB, 2x1.
write("rgb8.png", png(2, 1, 8, 2, [bytes([1, 2, 3, 4, 5, 6])]))

# Gray + alpha, 2x2.
write("gray_alpha.png", png(2, 2, 8, 4, [bytes([0, 255, 100, 50]), bytes([200, 0, 255, 255])]))

# 16-bit RGB, 2x1: high bytes survive the strip to 8 bits.
write("rgb16.png", png(2, 1, 16, 2, [struct.pack(">6H", 0xFF00, 0x8000, 0x0100, 0x1234, 0x5678, 0x9ABC)]))

# 1-bit gray, 10x1: 1011001110 packed into two bytes.
write("gray1.png", png(10, 1, 1, 0, [bytes([0b10110011, 0b10000000])]))

# Palette (2 bits) with tRNS: index 0 transparent red, 1 green, 2 blue; 4x1.
plte = chunk(b"PLTE", bytes([255, 0, 0, 0, 255, 0, 0, 0, 255]))
trns = chunk(b"tRNS", bytes([0]))
write("palette_trns.png", png(4, 1, 2, 3, [bytes([0b00011000])], extra=plte + trns))

# Adam7-interlaced 8-bit gray, 5x5: pixel value = 10*y + x.
def adam7(width, height, value):
    passes = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]
    raw = b""
    for x0, y0, dx, dy in passes:
        xs = list(range(x0, width, dx))
        if not xs:
            continue
        for y in range(y0, height, dy):
            raw += b"\x00" + bytes(value(x, y) for x in xs)
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 1)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw, 9)) +
            chunk(b"IEND", b""))

write("interlaced.png", adam7(5, 5, lambda x, y: 10 * y + x))

# A picture for the PDF tests: 32x24 RGBA gradient with a transparent corner.
pixels = []
for y in range(24):
    row = b""
    for x in range(32):
        alpha = 0 if x + y < 8 else 255
        row += bytes([x * 8, y * 10, 160, alpha])
    pixels.append(row)
write("gradient.png", png(32, 24, 8, 6, pixels))
