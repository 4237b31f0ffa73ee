import { describe, it, expect } from 'vitest';
import { simWithStream, utf8 } from './helpers';
import { isAwsError } from '../../../src/engine/core/errors';

describe('putRecordBatch', () => {
  it('answers one entry per record with a 224-character RecordId and FailedPutCount 0', () => {
    const sim = simWithStream('s');
    const out = sim.firehose.putRecordBatch({ DeliveryStreamName: 's', Records: [{ Data: utf8('a') }, { Data: utf8('b') }] });
    expect(out.FailedPutCount).toBe(0);
    expect(out.RequestResponses).toHaveLength(2);
    expect(out.RequestResponses[0].RecordId).toMatch(/^[A-Za-z0-9+/]{224}$/);
    expect(sim.firehose.metrics('s').total('IncomingRecords')).toBe(2);
    expect(sim.firehose.metrics('s').total('IncomingBytes')).toBe(2);
    expect(sim.firehose.metrics('s').total('IncomingPutRequests')).toBe(1);
  });

  it('rejects 501 records, more than 4 MiB, and a record over 1,000 KiB', () => {
    const sim = simWithStream('s');
    const tryPut = (records: Uint8Array[]) => {
      try {
        sim.firehose.putRecordBatch({ DeliveryStreamName: 's', Records: records.map((Data) => ({ Data })) });
        return 'ok';
      } catch (e) {
        return isAwsError(e) ? `${e.type}: ${e.message}` : String(e);
      }
    };
    expect(tryPut(Array.from({ length: 501 }, () => utf8('x')))).toBe("ValidationException: 1 validation error detected: Value '[501 records]' at 'records' failed to satisfy constraint: Member must have length less than or equal to 500");
    expect(tryPut(Array.from({ length: 5 }, () => new Uint8Array(1000 * 1024)))).toBe('InvalidArgumentException: Records size exceeds 4 MiB limit');
    expect(tryPut([new Uint8Array(1000 * 1024 + 1)])).toBe("ValidationException: 1 validation error detected: Value 'java.nio.HeapByteBuffer[pos=0 lim=1024001 cap=1024001]' at 'records.1.member.data' failed to satisfy constraint: Member must have length less than or equal to 1024000");
    expect(tryPut([new Uint8Array(1000 * 1024)])).toBe('ok');
  });

  it('fails records past 5,000 records/s (API reference quota) with ServiceUnavailableException per entry', () => {
    const sim = simWithStream('q', {}, { firehoseQuotaSource: 'api-reference-2015' });
    const batch = Array.from({ length: 500 }, () => ({ Data: utf8('x') }));
    let failed = 0;
    for (let i = 0; i < 11; i++) failed += sim.firehose.putRecordBatch({ DeliveryStreamName: 'q', Records: batch }).FailedPutCount;
    expect(failed).toBe(500);
    const last = sim.firehose.putRecordBatch({ DeliveryStreamName: 'q', Records: batch.slice(0, 1) });
    expect(last.RequestResponses[0]).toEqual({ ErrorCode: 'ServiceUnavailableException', ErrorMessage: 'Slow down.' });
    expect(sim.firehose.metrics('q').total('ThrottledRecords')).toBe(501);
    // A second later the bucket has refilled: 5,000 more fit.
    sim.advanceSync(1000);
    expect(sim.firehose.putRecordBatch({ DeliveryStreamName: 'q', Records: batch }).FailedPutCount).toBe(0);
  });

  it('throttles PutRecord as a whole past 2,000 requests/s', () => {
    const sim = simWithStream('q', {}, { firehoseQuotaSource: 'api-reference-2015' });
    for (let i = 0; i < 2000; i++) sim.firehose.putRecord({ DeliveryStreamName: 'q', Record: { Data: utf8('x') } });
    expect(() => sim.firehose.putRecord({ DeliveryStreamName: 'q', Record: { Data: utf8('x') } })).toThrow('Slow down.');
    sim.advanceSync(1);
    // 1 ms refills 2 requests' worth.
    sim.firehose.putRecord({ DeliveryStreamName: 'q', Record: { Data: utf8('x') } });
    expect(sim.firehose.metrics('q').total('IncomingRecords')).toBe(2001);
  });

  it('refuses Direct PUT on a stream that is still CREATING', () => {
    const sim = simWithStream('s');
    sim.firehose.createDeliveryStream({ DeliveryStreamName: 'new', ExtendedS3DestinationConfiguration: { RoleARN: 'arn:aws:iam::123456789012:role/r', BucketARN: 'arn:aws:s3:::bucket' } });
    expect(() => sim.firehose.putRecord({ DeliveryStreamName: 'new', Record: { Data: utf8('x') } })).toThrow(/not in ACTIVE state \(current state: CREATING\)/);
  });
});
