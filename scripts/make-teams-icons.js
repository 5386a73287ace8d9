#!/usr/bin/env node
// Writes the Teams app icons (manifests/teams/color.png 192x192, outline.png 32x32 white on
// transparent) and the playground's favicon (src/channels/playground/static/favicon.ico: the
// colour mark at 32x32, as a PNG inside an ICO) as bytes with node:zlib, so no image tool is
// needed. Run once; the files are committed. Usage: node scripts/make-teams-icons.js
"use strict";
const { deflateSync } = require("node:zlib");
const { writeFileSync } = require("node:fs");
const path = require("node:path");

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
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
/** pixel(x, y) → [r, g, b, a] */
function png(size, pixel) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) Buffer.from(pixel(x, y)).copy(row, 1 + x * 4);
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(Buffer.concat(rows))), chunk("IEND", Buffer.alloc(0))]);
}
/** A "C" for Convene: a ring open on the right, with three dots (people meeting). */
function mark(x, y, size) {
  const c = size / 2;
  const dx = x + 0.5 - c;
  const dy = y + 0.5 - c;
  const r = Math.hypot(dx, dy);
  const ring = r > size * 0.28 && r < size * 0.4 && !(dx > 0 && Math.abs(dy) < size * 0.16);
  const dots = [[-0.1, 0], [0.06, -0.1], [0.06, 0.1]].some(([ox, oy]) => Math.hypot(dx - ox * size, dy - oy * size) < size * 0.06);
  return ring || dots;
}
const out = path.resolve(__dirname, "../manifests/teams");
writeFileSync(path.join(out, "color.png"), png(192, (x, y) => (mark(x, y, 192) ? [255, 255, 255, 255] : [70, 71, 117, 255])));
writeFileSync(path.join(out, "outline.png"), png(32, (x, y) => (mark(x, y, 32) ? [255, 255, 255, 255] : [0, 0, 0, 0])));
console.log(`Wrote ${out}/color.png and outline.png`);

/** An ICO holding one PNG image (every current browser reads PNG-in-ICO). */
function ico(size, pngBytes) {
  const header = Buffer.alloc(6 + 16);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(1, 4); // one image
  header[6] = size; // width (0 would mean 256)
  header[7] = size; // height
  header[8] = 0; // no palette
  header[9] = 0; // reserved
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(pngBytes.length, 14);
  header.writeUInt32LE(header.length, 18); // the image follows the directory
  return Buffer.concat([header, pngBytes]);
}
const favicon = path.resolve(__dirname, "../src/channels/playground/static/favicon.ico");
writeFileSync(favicon, ico(32, png(32, (x, y) => (mark(x, y, 32) ? [255, 255, 255, 255] : [70, 71, 117, 255]))));
console.log(`Wrote ${favicon}`);
