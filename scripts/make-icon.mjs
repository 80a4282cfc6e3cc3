// Draws media/icon.png (128×128): a small genogram (two partners, a union line, an index child) on a rounded tile.
// Plain pixel maths and zlib, so the icon is reproducible without an image library.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const size = 128;
const pixels = Buffer.alloc(size * size * 4);
const teal = [31, 111, 120, 255];
const white = [255, 255, 255, 255];

function blend(x, y, [r, g, b], alpha) {
  if (x < 0 || y < 0 || x >= size || y >= size || alpha <= 0) return;
  const i = (y * size + x) * 4;
  const a = Math.min(1, alpha);
  pixels[i] = Math.round(pixels[i] * (1 - a) + r * a);
  pixels[i + 1] = Math.round(pixels[i + 1] * (1 - a) + g * a);
  pixels[i + 2] = Math.round(pixels[i + 2] * (1 - a) + b * a);
  pixels[i + 3] = Math.max(pixels[i + 3], Math.round(255 * a));
}

/** Fill wherever `inside(x, y)` (a signed distance, negative inside) holds, with a one-pixel soft edge. */
function fill(distance, colour) {
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) blend(x, y, colour, 0.5 - distance(x + 0.5, y + 0.5));
}

const roundedBox = (cx, cy, hw, hh, r) => (x, y) => {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const ring = (cx, cy, radius, width) => (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - radius) - width / 2;
const frame = (cx, cy, half, width) => (x, y) => Math.abs(roundedBox(cx, cy, half, half, 2)(x, y)) - width / 2;
const segment = (x1, y1, x2, y2, width) => (x, y) => {
  const t = Math.max(0, Math.min(1, ((x - x1) * (x2 - x1) + (y - y1) * (y2 - y1)) / ((x2 - x1) ** 2 + (y2 - y1) ** 2)));
  return Math.hypot(x - (x1 + t * (x2 - x1)), y - (y1 + t * (y2 - y1))) - width / 2;
};

fill(roundedBox(64, 64, 62, 62, 22), teal);
fill(frame(34, 40, 15, 6), white); // a man: square
fill(ring(94, 40, 15, 6), white); // a woman: circle
fill(segment(49, 40, 79, 40, 6), white); // their union
fill(segment(64, 40, 64, 78, 6), white); // their child's line
fill(ring(64, 94, 14, 5), white); // the index child: double circle
fill(ring(64, 94, 7, 4), white);

const rows = Buffer.alloc((size * 4 + 1) * size);
for (let y = 0; y < size; y++) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (bytes) => {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc(body), 8 + data.length);
  return out;
};
const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header.set([8, 6, 0, 0, 0], 8);
writeFileSync(
  new URL('../media/icon.png', import.meta.url),
  Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]),
);
