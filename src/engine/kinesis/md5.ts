/**
 * MD5 (RFC 1321) specialised for the write path: it hashes a partition key's
 * UTF-8 bytes into four 32-bit words without building strings or arrays, so a
 * stream taking unique keys (transaction ids) spends its time hashing, not
 * allocating. spark-md5 stays the reference: tests check both agree on every
 * key, and the UI shows spark-md5's hex.
 */
import { encodeUtf8 } from '../core/utf8';

/** The digest of the last call: words a, b, c, d (little-endian byte order within each). */
export const md5State = new Int32Array(4);
const M = new Int32Array(16);

function cycle(): void {
  // RFC 1321's 64 steps, unrolled: each line pair is one step, with the roles of
  // a, b, c, d rotating as in the reference code (constants are floor(|sin(i+1)| * 2^32)).
  let a = md5State[0], b = md5State[1], c = md5State[2], d = md5State[3];
  const m0 = M[0], m1 = M[1], m2 = M[2], m3 = M[3], m4 = M[4], m5 = M[5], m6 = M[6], m7 = M[7];
  const m8 = M[8], m9 = M[9], m10 = M[10], m11 = M[11], m12 = M[12], m13 = M[13], m14 = M[14], m15 = M[15];
  a = a + ((b & c) | (~b & d)) + m0 + -680876936 | 0;
  a = ((a << 7) | (a >>> 25)) + b | 0;
  d = d + ((a & b) | (~a & c)) + m1 + -389564586 | 0;
  d = ((d << 12) | (d >>> 20)) + a | 0;
  c = c + ((d & a) | (~d & b)) + m2 + 606105819 | 0;
  c = ((c << 17) | (c >>> 15)) + d | 0;
  b = b + ((c & d) | (~c & a)) + m3 + -1044525330 | 0;
  b = ((b << 22) | (b >>> 10)) + c | 0;
  a = a + ((b & c) | (~b & d)) + m4 + -176418897 | 0;
  a = ((a << 7) | (a >>> 25)) + b | 0;
  d = d + ((a & b) | (~a & c)) + m5 + 1200080426 | 0;
  d = ((d << 12) | (d >>> 20)) + a | 0;
  c = c + ((d & a) | (~d & b)) + m6 + -1473231341 | 0;
  c = ((c << 17) | (c >>> 15)) + d | 0;
  b = b + ((c & d) | (~c & a)) + m7 + -45705983 | 0;
  b = ((b << 22) | (b >>> 10)) + c | 0;
  a = a + ((b & c) | (~b & d)) + m8 + 1770035416 | 0;
  a = ((a << 7) | (a >>> 25)) + b | 0;
  d = d + ((a & b) | (~a & c)) + m9 + -1958414417 | 0;
  d = ((d << 12) | (d >>> 20)) + a | 0;
  c = c + ((d & a) | (~d & b)) + m10 + -42063 | 0;
  c = ((c << 17) | (c >>> 15)) + d | 0;
  b = b + ((c & d) | (~c & a)) + m11 + -1990404162 | 0;
  b = ((b << 22) | (b >>> 10)) + c | 0;
  a = a + ((b & c) | (~b & d)) + m12 + 1804603682 | 0;
  a = ((a << 7) | (a >>> 25)) + b | 0;
  d = d + ((a & b) | (~a & c)) + m13 + -40341101 | 0;
  d = ((d << 12) | (d >>> 20)) + a | 0;
  c = c + ((d & a) | (~d & b)) + m14 + -1502002290 | 0;
  c = ((c << 17) | (c >>> 15)) + d | 0;
  b = b + ((c & d) | (~c & a)) + m15 + 1236535329 | 0;
  b = ((b << 22) | (b >>> 10)) + c | 0;
  a = a + ((d & b) | (~d & c)) + m1 + -165796510 | 0;
  a = ((a << 5) | (a >>> 27)) + b | 0;
  d = d + ((c & a) | (~c & b)) + m6 + -1069501632 | 0;
  d = ((d << 9) | (d >>> 23)) + a | 0;
  c = c + ((b & d) | (~b & a)) + m11 + 643717713 | 0;
  c = ((c << 14) | (c >>> 18)) + d | 0;
  b = b + ((a & c) | (~a & d)) + m0 + -373897302 | 0;
  b = ((b << 20) | (b >>> 12)) + c | 0;
  a = a + ((d & b) | (~d & c)) + m5 + -701558691 | 0;
  a = ((a << 5) | (a >>> 27)) + b | 0;
  d = d + ((c & a) | (~c & b)) + m10 + 38016083 | 0;
  d = ((d << 9) | (d >>> 23)) + a | 0;
  c = c + ((b & d) | (~b & a)) + m15 + -660478335 | 0;
  c = ((c << 14) | (c >>> 18)) + d | 0;
  b = b + ((a & c) | (~a & d)) + m4 + -405537848 | 0;
  b = ((b << 20) | (b >>> 12)) + c | 0;
  a = a + ((d & b) | (~d & c)) + m9 + 568446438 | 0;
  a = ((a << 5) | (a >>> 27)) + b | 0;
  d = d + ((c & a) | (~c & b)) + m14 + -1019803690 | 0;
  d = ((d << 9) | (d >>> 23)) + a | 0;
  c = c + ((b & d) | (~b & a)) + m3 + -187363961 | 0;
  c = ((c << 14) | (c >>> 18)) + d | 0;
  b = b + ((a & c) | (~a & d)) + m8 + 1163531501 | 0;
  b = ((b << 20) | (b >>> 12)) + c | 0;
  a = a + ((d & b) | (~d & c)) + m13 + -1444681467 | 0;
  a = ((a << 5) | (a >>> 27)) + b | 0;
  d = d + ((c & a) | (~c & b)) + m2 + -51403784 | 0;
  d = ((d << 9) | (d >>> 23)) + a | 0;
  c = c + ((b & d) | (~b & a)) + m7 + 1735328473 | 0;
  c = ((c << 14) | (c >>> 18)) + d | 0;
  b = b + ((a & c) | (~a & d)) + m12 + -1926607734 | 0;
  b = ((b << 20) | (b >>> 12)) + c | 0;
  a = a + (b ^ c ^ d) + m5 + -378558 | 0;
  a = ((a << 4) | (a >>> 28)) + b | 0;
  d = d + (a ^ b ^ c) + m8 + -2022574463 | 0;
  d = ((d << 11) | (d >>> 21)) + a | 0;
  c = c + (d ^ a ^ b) + m11 + 1839030562 | 0;
  c = ((c << 16) | (c >>> 16)) + d | 0;
  b = b + (c ^ d ^ a) + m14 + -35309556 | 0;
  b = ((b << 23) | (b >>> 9)) + c | 0;
  a = a + (b ^ c ^ d) + m1 + -1530992060 | 0;
  a = ((a << 4) | (a >>> 28)) + b | 0;
  d = d + (a ^ b ^ c) + m4 + 1272893353 | 0;
  d = ((d << 11) | (d >>> 21)) + a | 0;
  c = c + (d ^ a ^ b) + m7 + -155497632 | 0;
  c = ((c << 16) | (c >>> 16)) + d | 0;
  b = b + (c ^ d ^ a) + m10 + -1094730640 | 0;
  b = ((b << 23) | (b >>> 9)) + c | 0;
  a = a + (b ^ c ^ d) + m13 + 681279174 | 0;
  a = ((a << 4) | (a >>> 28)) + b | 0;
  d = d + (a ^ b ^ c) + m0 + -358537222 | 0;
  d = ((d << 11) | (d >>> 21)) + a | 0;
  c = c + (d ^ a ^ b) + m3 + -722521979 | 0;
  c = ((c << 16) | (c >>> 16)) + d | 0;
  b = b + (c ^ d ^ a) + m6 + 76029189 | 0;
  b = ((b << 23) | (b >>> 9)) + c | 0;
  a = a + (b ^ c ^ d) + m9 + -640364487 | 0;
  a = ((a << 4) | (a >>> 28)) + b | 0;
  d = d + (a ^ b ^ c) + m12 + -421815835 | 0;
  d = ((d << 11) | (d >>> 21)) + a | 0;
  c = c + (d ^ a ^ b) + m15 + 530742520 | 0;
  c = ((c << 16) | (c >>> 16)) + d | 0;
  b = b + (c ^ d ^ a) + m2 + -995338651 | 0;
  b = ((b << 23) | (b >>> 9)) + c | 0;
  a = a + (c ^ (b | ~d)) + m0 + -198630844 | 0;
  a = ((a << 6) | (a >>> 26)) + b | 0;
  d = d + (b ^ (a | ~c)) + m7 + 1126891415 | 0;
  d = ((d << 10) | (d >>> 22)) + a | 0;
  c = c + (a ^ (d | ~b)) + m14 + -1416354905 | 0;
  c = ((c << 15) | (c >>> 17)) + d | 0;
  b = b + (d ^ (c | ~a)) + m5 + -57434055 | 0;
  b = ((b << 21) | (b >>> 11)) + c | 0;
  a = a + (c ^ (b | ~d)) + m12 + 1700485571 | 0;
  a = ((a << 6) | (a >>> 26)) + b | 0;
  d = d + (b ^ (a | ~c)) + m3 + -1894986606 | 0;
  d = ((d << 10) | (d >>> 22)) + a | 0;
  c = c + (a ^ (d | ~b)) + m10 + -1051523 | 0;
  c = ((c << 15) | (c >>> 17)) + d | 0;
  b = b + (d ^ (c | ~a)) + m1 + -2054922799 | 0;
  b = ((b << 21) | (b >>> 11)) + c | 0;
  a = a + (c ^ (b | ~d)) + m8 + 1873313359 | 0;
  a = ((a << 6) | (a >>> 26)) + b | 0;
  d = d + (b ^ (a | ~c)) + m15 + -30611744 | 0;
  d = ((d << 10) | (d >>> 22)) + a | 0;
  c = c + (a ^ (d | ~b)) + m6 + -1560198380 | 0;
  c = ((c << 15) | (c >>> 17)) + d | 0;
  b = b + (d ^ (c | ~a)) + m13 + 1309151649 | 0;
  b = ((b << 21) | (b >>> 11)) + c | 0;
  a = a + (c ^ (b | ~d)) + m4 + -145523070 | 0;
  a = ((a << 6) | (a >>> 26)) + b | 0;
  d = d + (b ^ (a | ~c)) + m11 + -1120210379 | 0;
  d = ((d << 10) | (d >>> 22)) + a | 0;
  c = c + (a ^ (d | ~b)) + m2 + 718787259 | 0;
  c = ((c << 15) | (c >>> 17)) + d | 0;
  b = b + (d ^ (c | ~a)) + m9 + -343485551 | 0;
  b = ((b << 21) | (b >>> 11)) + c | 0;
  md5State[0] = (md5State[0] + a) | 0;
  md5State[1] = (md5State[1] + b) | 0;
  md5State[2] = (md5State[2] + c) | 0;
  md5State[3] = (md5State[3] + d) | 0;
}

function init(): void {
  md5State[0] = 0x67452301;
  md5State[1] = 0xefcdab89 | 0;
  md5State[2] = 0x98badcfe | 0;
  md5State[3] = 0x10325476;
}

/** Pads the last block (0x80, zeros, bit length) after `tail` message bytes already in M. */
function finish(n: number, tail: number): void {
  // `tail` bytes of the last partial block are in M already; M is zeroed past them.
  M[tail >> 2] |= 0x80 << ((tail & 3) * 8);
  if (tail >= 56) {
    cycle();
    M.fill(0);
  }
  // Message length in bits, little-endian 64-bit, in the last two words.
  M[14] = (n * 8) | 0;
  M[15] = Math.floor(n / 0x20000000);
  cycle();
}

/** MD5 of a string whose characters are all below 0x80 (its UTF-8 bytes are its char codes). */
function digestAscii(text: string): void {
  init();
  const n = text.length;
  let p = 0;
  // Whole 64-byte blocks, four characters to a little-endian word.
  for (; p + 64 <= n; p += 64) {
    for (let w = 0; w < 16; w++) {
      const q = p + w * 4;
      M[w] = text.charCodeAt(q) | (text.charCodeAt(q + 1) << 8) | (text.charCodeAt(q + 2) << 16) | (text.charCodeAt(q + 3) << 24);
    }
    cycle();
  }
  M.fill(0);
  const tail = n - p;
  for (let j = 0; j < tail; j++) M[j >> 2] |= text.charCodeAt(p + j) << ((j & 3) * 8);
  finish(n, tail);
}

/** MD5 of bytes. */
function digestBytes(bytes: Uint8Array): void {
  init();
  const n = bytes.length;
  let p = 0;
  for (; p + 64 <= n; p += 64) {
    for (let w = 0; w < 16; w++) {
      const q = p + w * 4;
      M[w] = bytes[q] | (bytes[q + 1] << 8) | (bytes[q + 2] << 16) | (bytes[q + 3] << 24);
    }
    cycle();
  }
  M.fill(0);
  const tail = n - p;
  for (let j = 0; j < tail; j++) M[j >> 2] |= bytes[p + j] << ((j & 3) * 8);
  finish(n, tail);
}

/** Hashes the UTF-8 bytes of `text`; the digest is left in md5State. */
export function md5Words(text: string): void {
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0x7f) {
      digestBytes(encodeUtf8(text));
      return;
    }
  }
  digestAscii(text);
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
