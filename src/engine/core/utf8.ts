/**
 * UTF-8 without TextEncoder (the engine is built without DOM or Node libs).
 * AWS measures partition keys and record sizes in UTF-8 bytes.
 */

/** Encodes a string as UTF-8 bytes. */
export function encodeUtf8(text: string): Uint8Array {
  const out = new Uint8Array(utf8Length(text));
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      out[o++] = c;
    } else if (c < 0x800) {
      out[o++] = 0xc0 | (c >> 6);
      out[o++] = 0x80 | (c & 63);
    } else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      c = 0x10000 + ((c - 0xd800) << 10) + (text.charCodeAt(++i) - 0xdc00);
      out[o++] = 0xf0 | (c >> 18);
      out[o++] = 0x80 | ((c >> 12) & 63);
      out[o++] = 0x80 | ((c >> 6) & 63);
      out[o++] = 0x80 | (c & 63);
    } else {
      if (c >= 0xd800 && c < 0xe000) c = 0xfffd; // lone surrogate
      out[o++] = 0xe0 | (c >> 12);
      out[o++] = 0x80 | ((c >> 6) & 63);
      out[o++] = 0x80 | (c & 63);
    }
  }
  return out;
}

/** The number of bytes `text` takes in UTF-8, without allocating. */
export function utf8Length(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 2; // 4 bytes for 2 UTF-16 units
      i++;
    } else n += 2;
  }
  return n;
}

/** Longest input decoded by the ASCII shortcut (well under engines' limits on arguments). */
const ASCII_AT_ONCE = 4096;

/** Decodes UTF-8 bytes (invalid sequences become U+FFFD). */
export function decodeUtf8(bytes: Uint8Array): string {
  // ASCII (most records): one char per byte, made in one call.
  if (bytes.length <= ASCII_AT_ONCE) {
    let ascii = true;
    for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) { ascii = false; break; }
    if (ascii) return String.fromCharCode.apply(null, bytes as unknown as number[]);
  }
  let out = '';
  const parts: string[] = [];
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let c: number;
    if (b < 0x80) { c = b; i += 1; }
    else if (b >= 0xc2 && b < 0xe0 && cont(bytes, i + 1)) { c = ((b & 31) << 6) | (bytes[i + 1] & 63); i += 2; }
    else if (b >= 0xe0 && b < 0xf0 && cont(bytes, i + 1) && cont(bytes, i + 2)) {
      c = ((b & 15) << 12) | ((bytes[i + 1] & 63) << 6) | (bytes[i + 2] & 63); i += 3;
    } else if (b >= 0xf0 && b < 0xf5 && cont(bytes, i + 1) && cont(bytes, i + 2) && cont(bytes, i + 3)) {
      c = ((b & 7) << 18) | ((bytes[i + 1] & 63) << 12) | ((bytes[i + 2] & 63) << 6) | (bytes[i + 3] & 63); i += 4;
    } else { c = 0xfffd; i += 1; }
    out += String.fromCodePoint(c);
    if (out.length > 8192) { parts.push(out); out = ''; }
  }
  parts.push(out);
  return parts.join('');
}

function cont(bytes: Uint8Array, i: number): boolean {
  return i < bytes.length && (bytes[i] & 0xc0) === 0x80;
}
