#!/usr/bin/env node
/**
 * Draws the add-in icons (assets/icon-16/20/32/40/64/80.png: the ribbon sizes of Microsoft's add-in icon guidance, 16/20/32 required, 40/64/80 for high DPI): a white medical cross
 * on a teal rounded square. Plain PNG written with zlib, no image package.
 * Run once with `node scripts/make-icons.js`; the PNGs are committed.
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const TEAL = [0, 120, 130, 255];
const WHITE = [255, 255, 255, 255];
const CLEAR = [0, 0, 0, 0];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function pixel(size, x, y) {
  const r = Math.max(2, Math.round(size * 0.18)); // corner radius
  const cx = Math.min(Math.max(x + 0.5, r), size - r);
  const cy = Math.min(Math.max(y + 0.5, r), size - r);
  if ((x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 > r * r) return CLEAR;
  const arm = size * 0.16; // half thickness of the cross
  const reach = size * 0.32; // half length of the cross
  const dx = Math.abs(x + 0.5 - size / 2);
  const dy = Math.abs(y + 0.5 - size / 2);
  if ((dx <= arm && dy <= reach) || (dy <= arm && dx <= reach)) return WHITE;
  return TEAL;
}

function png(size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      Buffer.from(pixel(size, x, y)).copy(raw, y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const dir = path.join(__dirname, "..", "assets");
fs.mkdirSync(dir, { recursive: true });
for (const size of [16, 20, 32, 40, 64, 80]) {
  fs.writeFileSync(path.join(dir, `icon-${size}.png`), png(size));
  console.log(`wrote assets/icon-${size}.png`);
}
