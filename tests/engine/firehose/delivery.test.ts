import { describe, it, expect } from 'vitest';
import { gunzipSync, unzipSync } from 'fflate';
import { simWithStream, keys, utf8, text, UUID, T0 } from './helpers';
import { uncompressHadoopSnappy, uncompressSnappyFramed } from '../../../src/engine/firehose/compression';

describe('delivery to S3', () => {
  it('flushes on the 300 s default interval into YYYY/MM/dd/HH/<stream>-<version>-<time>-<uuid>', () => {
    const sim = simWithStream('mystream');
    sim.firehose.putRecord({ DeliveryStreamName: 'mystream', Record: { Data: utf8('a\n') } });
    sim.advanceSync(10000);
    sim.firehose.putRecord({ DeliveryStreamName: 'mystream', Record: { Data: utf8('bc\n') } });
    sim.advanceSync(289999);
    expect(keys(sim)).toEqual([]);
    sim.advanceSync(1);
    const k = keys(sim);
    expect(k).toHaveLength(1);
    expect(k[0]).toMatch(new RegExp(`^2026/01/01/00/mystream-1-2026-01-01-00-05-00-${UUID}$`));
    const obj = sim.s3.getObject({ Bucket: 'bucket', Key: k[0] });
    expect(text(obj.Body)).toBe('a\nbc\n');
    expect(obj.ContentLength).toBe(5);
    expect(obj.LastModified).toBe(T0 + 300000);
  });

  it('flushes as soon as the buffer reaches SizeInMBs, before the interval', () => {
    const sim = simWithStream('s', { BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 900 } });
    const rec = new Uint8Array(600 * 1024).fill(65);
    sim.firehose.putRecordBatch({ DeliveryStreamName: 's', Records: [{ Data: rec }, { Data: rec }, { Data: rec }] });
    // 1 MiB reached with the second record: one object of 2 records, the third waits.
    const k = keys(sim);
    expect(k).toHaveLength(1);
    expect(sim.s3.getObject({ Bucket: 'bucket', Key: k[0] }).ContentLength).toBe(1228800);
    expect(sim.firehose.accounting('s')).toMatchObject({ accepted: 3, delivered: 2, buffered: 1 });
    sim.advanceSync(900000);
    expect(keys(sim)).toHaveLength(2);
  });

  it('writes real GZIP bytes whose gunzip is the concatenated records, with a .gz name', () => {
    const sim = simWithStream('g', { CompressionFormat: 'GZIP', BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 } });
    sim.firehose.putRecordBatch({ DeliveryStreamName: 'g', Records: [{ Data: utf8('{"a":1}\n') }, { Data: utf8('{"a":2}\n') }] });
    sim.advanceSync(60000);
    const [k] = keys(sim);
    expect(k).toMatch(new RegExp(`^2026/01/01/00/g-1-2026-01-01-00-01-00-${UUID}\\.gz$`));
    expect(text(gunzipSync(sim.s3.getObject({ Bucket: 'bucket', Key: k }).Body))).toBe('{"a":1}\n{"a":2}\n');
  });

  it('writes ZIP, Snappy (framed) and HADOOP_SNAPPY bodies that decode to the records', () => {
    const data = utf8('hello hello hello hello\n'.repeat(100));
    for (const [format, decode, ext] of [
      ['ZIP', (b: Uint8Array) => Object.values(unzipSync(b))[0], '.zip'],
      ['Snappy', uncompressSnappyFramed, '.snappy'],
      ['HADOOP_SNAPPY', uncompressHadoopSnappy, '.snappy'],
    ] as const) {
      const sim = simWithStream('c', { CompressionFormat: format, BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 0 } });
      sim.firehose.putRecord({ DeliveryStreamName: 'c', Record: { Data: data } });
      sim.advanceSync(0);
      const [k] = keys(sim);
      expect(k.endsWith(ext)).toBe(true);
      const body = sim.s3.getObject({ Bucket: 'bucket', Key: k }).Body;
      expect(body.length).toBeLessThan(data.length);
      expect(decode(body)).toEqual(data);
    }
  });

  it('uses a custom Prefix with one instant for every timestamp and a fresh random string each use', () => {
    const sim = simWithStream('p', {
      Prefix: "logs/!{timestamp:yyyy}/'x'!{timestamp:'year='yyyy'/month='MM}/!{firehose:random-string}-!{firehose:random-string}/",
      ErrorOutputPrefix: 'err/!{firehose:error-output-type}/',
      BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 },
    });
    sim.firehose.putRecord({ DeliveryStreamName: 'p', Record: { Data: utf8('x') } });
    sim.advanceSync(60000);
    const [k] = keys(sim);
    const m = /^logs\/2026\/'x'year=2026\/month=01\/([A-Za-z0-9]{11})-([A-Za-z0-9]{11})\/p-1-2026-01-01-00-01-00-/.exec(k);
    expect(m).not.toBeNull();
    expect(m![1]).not.toBe(m![2]);
  });

  it('appends the default yyyy/MM/dd/HH/ to a literal prefix, and uses CustomTimeZone and FileExtension', () => {
    const sim = simWithStream('z', { Prefix: 'raw/', CustomTimeZone: 'Asia/Kolkata', FileExtension: '.jsonl', BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 } });
    sim.firehose.putRecord({ DeliveryStreamName: 'z', Record: { Data: utf8('x') } });
    sim.advanceSync(60000);
    // 00:00 UTC is 05:30 in Kolkata (+05:30); the flush at 00:01 UTC is 05:31.
    expect(keys(sim)[0]).toMatch(new RegExp(`^raw/2026/01/01/05/z-1-2026-01-01-05-31-00-${UUID}\\.jsonl$`));
  });

  it('takes the prefix hour from the oldest record and the name time from the delivery', () => {
    const sim = simWithStream('h', { BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 900 } });
    sim.advanceSync(3600000 - 60000); // 00:59:00
    sim.firehose.putRecord({ DeliveryStreamName: 'h', Record: { Data: utf8('x') } });
    sim.advanceSync(900000);
    expect(keys(sim)[0]).toMatch(new RegExp(`^2026/01/01/00/h-1-2026-01-01-01-14-00-${UUID}$`));
  });

  it('fails delivery while the bucket is missing, retries, and delivers once it exists', () => {
    const sim = simWithStream('r', { BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 } }, {}, 'other');
    sim.s3.deleteBucket({ Bucket: 'other' });
    sim.firehose.putRecord({ DeliveryStreamName: 'r', Record: { Data: utf8('late') } });
    sim.advanceSync(60000 + 5 * 60000);
    expect(sim.firehose.metrics('r').aggregate('DeliveryToS3.Success', T0, sim.now() + 1)).toBe(0);
    expect(sim.firehose.accounting('r')).toMatchObject({ delivered: 0, buffered: 1 });
    sim.s3.createBucket({ Bucket: 'other' });
    sim.advanceSync(60000);
    const k = keys(sim, 'other');
    expect(k).toHaveLength(1);
    // Prefix from the arrival (00:00), name from the successful write (00:07).
    expect(k[0]).toMatch(new RegExp(`^2026/01/01/00/r-1-2026-01-01-00-07-00-${UUID}$`));
    expect(sim.firehose.metrics('r').at('DeliveryToS3.DataFreshness', sim.now())).toBe(420);
  });

  it('gives up after 24 hours of failed retries and counts the records as lost', () => {
    const sim = simWithStream('o', { BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 } });
    sim.firehose.setDestinationOutage('o', true);
    sim.firehose.putRecord({ DeliveryStreamName: 'o', Record: { Data: utf8('x') } });
    sim.advanceSync(24 * 3600000 + 120000);
    sim.firehose.setDestinationOutage('o', false);
    sim.advanceSync(120000);
    expect(keys(sim)).toEqual([]);
    expect(sim.firehose.accounting('o')).toMatchObject({ accepted: 1, delivered: 0, lost: 1, buffered: 0 });
  });

  it('backs up source records to the backup bucket when S3BackupMode is Enabled', () => {
    const sim = simWithStream('b', {
      BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 },
      S3BackupMode: 'Enabled',
      S3BackupConfiguration: { RoleARN: 'arn:aws:iam::123456789012:role/x', BucketARN: 'arn:aws:s3:::backup', Prefix: 'source/', BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 120 } },
    });
    sim.s3.createBucket({ Bucket: 'backup' });
    sim.firehose.putRecord({ DeliveryStreamName: 'b', Record: { Data: utf8('r1') } });
    sim.advanceSync(120000);
    const [k] = keys(sim, 'backup');
    expect(k).toMatch(new RegExp(`^source/2026/01/01/00/b-1-2026-01-01-00-02-00-${UUID}$`));
    expect(text(sim.s3.getObject({ Bucket: 'backup', Key: k }).Body)).toBe('r1');
    expect(sim.firehose.metrics('b').total('BackupToS3.Records')).toBe(1);
  });
});
