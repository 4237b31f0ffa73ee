import { describe, it, expect } from 'vitest';
import { limitRows, studyLines, exactBytes, hours, retentionHint, updateShardCountHint } from '../../../src/ui/views/limitRows';

const row = (id: string) => {
  const r = limitRows().find((x) => x.id === id);
  if (r === undefined) throw new Error(`no row ${id}`);
  return r;
};

describe('limitRows', () => {
  it('gives the retention row with its current range and both older maximums, newest first', () => {
    expect(row('retention')).toEqual({
      id: 'retention',
      service: 'Kinesis Data Streams',
      limit: 'Retention period',
      value: '24 hours to 8,760 hours (365 days); default 24 hours',
      source: 'BC-K; KDS-DG22',
      history: [
        'Study material may quote 168 hours (7 days): that was the maximum from 2015-10 to 2020-11.',
        'Study material may quote 24 hours: that was the maximum until 2015-10.',
      ],
    });
  });

  it('gives the PutRecords rows: 500 entries, 10 MiB now, 5 MiB from 2015-09 to 2025-10', () => {
    expect(row('put-records-entries')).toEqual({
      id: 'put-records-entries',
      service: 'Kinesis Data Streams',
      limit: 'PutRecords entries per request',
      value: '1 to 500',
      source: 'BC-K',
      history: [],
    });
    expect(row('put-records-bytes')).toEqual({
      id: 'put-records-bytes',
      service: 'Kinesis Data Streams',
      limit: 'PutRecords request size',
      value: '10 MiB per request',
      source: 'BC-K',
      history: ['Study material may quote 5 MiB: that was the maximum from 2015-09 to 2025-10.', 'Before 2015-09: no request size stated at launch (2014-12).'],
    });
  });

  it('states the other changed values from the constants: UpdateShardCount, record size, Firehose interval, the Direct PUT conflict, the rename', () => {
    expect(row('update-shard-count-calls').value).toBe('10 per stream per rolling 24 hours');
    expect(row('update-shard-count-calls').history).toEqual(['Study material may quote 2 calls per 24 hours: that was the limit until 2020-08 (the figure in the 2018 docs).']);
    expect(row('record-size').history).toEqual([
      'Study material may quote 1 MiB: that was the maximum from 2015-09 to 2025-10.',
      'Study material may quote 50 KiB: that was the maximum until 2015-09.',
    ]);
    expect(row('firehose-buffer-interval').history).toEqual(['Study material may quote 60 seconds: that was the minimum until 2023-12-14.']);
    expect(row('firehose-direct-put').history[0]).toMatch(/^Study material may quote 5,000 records\/s, 2,000 requests\/s or 5 MB\/s: /);
    expect(row('firehose-name').service).toBe('Amazon Data Firehose');
    expect(row('firehose-name').history).toEqual([
      'Study material may quote Amazon Kinesis Data Firehose: that was the name until 2024-02-09 (named Amazon Kinesis Firehose at launch, 2015).',
    ]);
    expect(row('shard-quota').history).toHaveLength(4);
  });

  it('gives every row a unique id, a value and a source key', () => {
    const rows = limitRows();
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    for (const r of rows) {
      expect(r.value.length).toBeGreaterThan(0);
      expect(r.source).toMatch(/^(BC-K|BC-F|KDS-DG22|KDF-DG23|Q-now|facts D|BC-KA2|KDA-SQL19|KDA-FL23|LIVE)(; (BC-K|BC-F|KDS-DG22|KDF-DG23|Q-now|KDA-FL23))?$/);
    }
  });
});

describe('studyLines', () => {
  it('says "from A to B" for a middle era, "until B" for the first, and skips the current one', () => {
    const eras = [
      { until: '2001', value: 1 },
      { until: '2002', value: 2, note: 'n' },
      { until: null, value: 3 },
    ];
    expect(studyLines(eras, String, 'cap')).toEqual(['Study material may quote 2: that was the cap from 2001 to 2002 (n).', 'Study material may quote 1: that was the cap until 2001.']);
  });
});

describe('formatting', () => {
  it('writes exact sizes and hours with days', () => {
    expect([exactBytes(10 * 1024 * 1024), exactBytes(51200), exactBytes(5_000_000), exactBytes(1000)]).toEqual(['10 MiB', '50 KiB', '5 MB', '1,000 bytes']);
    expect([hours(24), hours(168), hours(8760), hours(36)]).toEqual(['24 hours', '168 hours (7 days)', '8,760 hours (365 days)', '36 hours']);
  });
});

describe('inspector hints', () => {
  it('mention the old 168-hour retention maximum and the old 2-a-day UpdateShardCount limit', () => {
    expect(retentionHint()).toBe(
      'Retention runs from 24 hours to 8,760 hours (365 days); past 24 hours it is billed as extended retention. Older study material gives 168 hours (7 days) as the maximum: that was true from 2015-10 to 2020-11.',
    );
    expect(updateShardCountHint()).toBe(
      'UpdateShardCount: at most 10 calls per stream per rolling 24 hours (older study material says 2: that was the limit until 2020-08); each call at most doubles or halves the open shards, up to 10,000 shards.',
    );
  });
});
