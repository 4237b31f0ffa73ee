import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import SparkMD5 from 'spark-md5';
import { md5HexFast, md5High52 } from '../../../src/engine/kinesis/md5';

describe('md5HexFast', () => {
  it('matches RFC 1321 test vectors', () => {
    expect(md5HexFast('')).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(md5HexFast('a')).toBe('0cc175b9c0f1b6a831c399e269772661');
    expect(md5HexFast('abc')).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(md5HexFast('message digest')).toBe('f96b697d7cb7938d525a2f31aaf161d0');
    expect(md5HexFast('12345678901234567890123456789012345678901234567890123456789012345678901234567890')).toBe('57edf4a22be3c955ac49da2e2107b67a');
  });

  it('agrees with spark-md5 on any string, including non-ASCII and block-boundary lengths', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 200 }), fc.nat(130).map((n) => 'k'.repeat(n))), (s) => {
        expect(md5HexFast(s)).toBe(SparkMD5.hash(s));
      }),
      { numRuns: 500 },
    );
  });
});

describe('md5High52', () => {
  it('is the top 52 bits of the digest read as a big-endian integer', () => {
    // MD5("a") = 0cc175b9c0f1b6a8..., top 13 hex digits 0cc175b9c0f1b
    expect(md5High52('a')).toBe(0x0cc175b9c0f1b);
    fc.assert(
      fc.property(fc.string({ maxLength: 64 }), (s) => {
        expect(md5High52(s)).toBe(parseInt(SparkMD5.hash(s).slice(0, 13), 16));
      }),
      { numRuns: 300 },
    );
  });
});
