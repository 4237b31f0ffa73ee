import { describe, expect, it } from 'vitest';
import { decodeUtf8, encodeUtf8 } from '../../../src/engine/core/utf8';

describe('decodeUtf8', () => {
  it('decodes as TextDecoder does, ASCII in one call or not', () => {
    expect(decodeUtf8(Uint8Array.from([0xe2, 0x82]))).toBe('\ufffd\ufffd');
    const dec = new TextDecoder();
    const texts = ['', '{"device":"d1","hr":72}', 'a'.repeat(4096), 'b'.repeat(4097), 'caf\u00e9', '\u65e5\u672c', 'x\ud83d\ude00y', `${'z'.repeat(5000)}\u00e9`];
    for (const t of texts) expect(decodeUtf8(encodeUtf8(t))).toBe(dec.decode(encodeUtf8(t)));
    // Invalid bytes leave the ASCII shortcut (a truncated sequence gives a U+FFFD per byte, unlike TextDecoder).
    for (const bytes of [[0x61, 0xff, 0x62], [0xc3], [0x7f, 0x80]]) expect(decodeUtf8(Uint8Array.from(bytes))).toBe(dec.decode(Uint8Array.from(bytes)));
  });
});
