/**
 * MD5 (RFC 1321) specialised for the write path: it hashes a partition key's
 * UTF-8 bytes into four 32-bit words without building strings or arrays, so a
 * stream taking unique keys (transaction ids) spends its time hashing, not
 * allocating. spark-md5 stays the reference: tests check both agree on every
 * key, and the UI shows spark-md5's hex.
 */
import { encodeUtf8 } from '../core/utf8';

const K = new Int32Array([
  0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
  0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
  0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
  0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
  0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
  0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
  0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
  0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
]);
const S = new Uint8Array([
  7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
  4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
]);
const G = new Uint8Array(64);
for (let i = 0; i < 64; i++) G[i] = i < 16 ? i : i < 32 ? (5 * i + 1) & 15 : i < 48 ? (3 * i + 5) & 15 : (7 * i) & 15;

/** The digest of the last call: words a, b, c, d (little-endian byte order within each). */
export const md5State = new Int32Array(4);
const M = new Int32Array(16);

function cycle(): void {
  let a = md5State[0], b = md5State[1], c = md5State[2], d = md5State[3];
  for (let i = 0; i < 64; i++) {
    let f: number;
    if (i < 16) f = (b & c) | (~b & d);
    else if (i < 32) f = (d & b) | (~d & c);
    else if (i < 48) f = b ^ c ^ d;
    else f = c ^ (b | ~d);
    const t = (a + f + K[i] + M[G[i]]) | 0;
    a = d;
    d = c;
    c = b;
    b = (b + ((t << S[i]) | (t >>> (32 - S[i])))) | 0;
  }
  md5State[0] = (md5State[0] + a) | 0;
  md5State[1] = (md5State[1] + b) | 0;
  md5State[2] = (md5State[2] + c) | 0;
  md5State[3] = (md5State[3] + d) | 0;
}

/** Hashes `n` bytes given by `byteAt`, leaving the digest in md5State. */
function digest(n: number, byteAt: (i: number) => number): void {
  md5State[0] = 0x67452301;
  md5State[1] = 0xefcdab89 | 0;
  md5State[2] = 0x98badcfe | 0;
  md5State[3] = 0x10325476;
  const total = ((n + 8) >> 6) + 1; // 64-byte blocks including padding and length
  for (let blk = 0; blk < total; blk++) {
    M.fill(0);
    const base = blk * 64;
    for (let j = 0; j < 64; j++) {
      const p = base + j;
      let byte: number;
      if (p < n) byte = byteAt(p);
      else if (p === n) byte = 0x80;
      else continue;
      M[j >> 2] |= byte << ((j & 3) * 8);
    }
    if (blk === total - 1) {
      // Message length in bits, little-endian 64-bit, in the last two words.
      M[14] = (n * 8) | 0;
      M[15] = Math.floor(n / 0x20000000);
    }
    cycle();
  }
}

let asciiKey = '';
const asciiByte = (i: number) => asciiKey.charCodeAt(i);
let utf8Bytes: Uint8Array = new Uint8Array(0);
const utf8Byte = (i: number) => utf8Bytes[i];

/** Hashes the UTF-8 bytes of `text`; the digest is left in md5State. */
export function md5Words(text: string): void {
  let ascii = true;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0x7f) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    asciiKey = text;
    digest(text.length, asciiByte);
  } else {
    utf8Bytes = encodeUtf8(text);
    digest(utf8Bytes.length, utf8Byte);
  }
}

/** Byte k (0..15) of the digest, in the order the hex form prints them. */
function digestByte(k: number): number {
  return (md5State[k >> 2] >>> ((k & 3) * 8)) & 255;
}

/** The top 52 bits of the MD5 of `text` read as a big-endian 128-bit integer. */
export function md5High52(text: string): number {
  md5Words(text);
  let v = 0;
  for (let k = 0; k < 6; k++) v = v * 256 + digestByte(k);
  return v * 16 + (digestByte(6) >> 4);
}

/** The MD5 of `text` as 32 hex digits (for tests and the exact-key path). */
export function md5HexFast(text: string): string {
  md5Words(text);
  let out = '';
  for (let k = 0; k < 16; k++) out += digestByte(k).toString(16).padStart(2, '0');
  return out;
}
