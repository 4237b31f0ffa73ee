import { describe, it, expect } from 'vitest';
import { formatOutput } from '../../src/cli/format/formatOutput';
import { formatTable } from '../../src/cli/format/table';
import { formatText } from '../../src/cli/format/text';
import { formatYaml } from '../../src/cli/format/yaml';
import { isoFormat } from '../../src/cli/format/timestamps';

const summary = {
  StreamDescriptionSummary: {
    StreamName: 'telemetry',
    StreamStatus: 'ACTIVE',
    RetentionPeriodHours: 24,
    StreamCreationTimestamp: 1767225600.5,
    EnhancedMonitoring: [{ ShardLevelMetrics: [] }],
    OpenShardCount: 2,
  },
};

describe('formatOutput', () => {
  it('prints JSON with a 4-space indent and ISO 8601 timestamps', () => {
    expect(formatOutput(summary, 'DescribeStreamSummary', { output: 'json' })).toEqual({
      ok: true,
      text: [
        '{',
        '    "StreamDescriptionSummary": {',
        '        "StreamName": "telemetry",',
        '        "StreamStatus": "ACTIVE",',
        '        "RetentionPeriodHours": 24,',
        '        "StreamCreationTimestamp": "2026-01-01T00:00:00.500000+00:00",',
        '        "EnhancedMonitoring": [',
        '            {',
        '                "ShardLevelMetrics": []',
        '            }',
        '        ],',
        '        "OpenShardCount": 2',
        '    }',
        '}',
        '',
      ].join('\n'),
    });
  });

  it('applies --query with JMESPath (projections, filters, functions)', () => {
    const shards = { Shards: [{ ShardId: 'a', HashKeyRange: { StartingHashKey: '0' } }, { ShardId: 'b', HashKeyRange: { StartingHashKey: '5' } }] };
    expect(formatOutput(shards, 'ListShards', { output: 'json', query: 'Shards[].ShardId' }).text).toBe('[\n    "a",\n    "b"\n]\n');
    expect(formatOutput(shards, 'ListShards', { output: 'text', query: "Shards[?HashKeyRange.StartingHashKey=='5'].ShardId | [0]" }).text).toBe('b\n');
    expect(formatOutput(shards, 'ListShards', { output: 'json', query: 'length(Shards)' }).text).toBe('2\n');
  });

  it('prints nothing for an empty response', () => {
    expect(formatOutput({}, 'CreateStream', { output: 'json' })).toEqual({ ok: true, text: '' });
  });
});

describe('formatText', () => {
  it('flattens as awscli/text.py: sorted scalars on one line, nested values under their key in capitals', () => {
    expect(formatText(summary)).toBe('STREAMDESCRIPTIONSUMMARY\t2\t24\t1767225600.5\ttelemetry\tACTIVE\n');
    expect(formatText({ Shards: [{ ShardId: 'a', ParentShardId: 'p' }, { ShardId: 'b' }], NextToken: 'n' })).toBe('n\nSHARDS\tp\ta\nSHARDS\t\tb\n');
    expect(formatText({ StreamNames: ['x', 'y'], HasMoreStreams: false })).toBe('False\nSTREAMNAMES\tx\nSTREAMNAMES\ty\n');
  });
});

describe('formatTable', () => {
  it('draws a dict as awscli/table.py does (columns scaled to the widest section)', () => {
    expect(formatTable({ ShardId: 'shardId-000000000000', SequenceNumber: '4917', EncryptionType: 'NONE' }, 'PutRecord')).toBe(
      [
        '--------------------------------------------------------------',
        `|${' '.repeat(26)}PutRecord${' '.repeat(25)}|`,
        '+----------------+------------------+------------------------+',
        '| EncryptionType | SequenceNumber   |        ShardId         |',
        '+----------------+------------------+------------------------+',
        '|  NONE          |  4917            |  shardId-000000000000  |',
        '+----------------+------------------+------------------------+',
        '',
      ].join('\n'),
    );
  });
  it('indents nested sections one bar deeper, titled with their key', () => {
    const t = formatTable({ StreamDescriptionSummary: { StreamName: 's', OpenShardCount: 2 } }, 'DescribeStreamSummary');
    const rule = '|+-----------------+--------------+|';
    expect(t.split('\n')).toEqual([
      '-'.repeat(36),
      `|${' '.repeat(7)}DescribeStreamSummary${' '.repeat(6)}|`,
      `+${'-'.repeat(34)}+`,
      '||    StreamDescriptionSummary    ||',
      rule,
      '|| OpenShardCount  | StreamName   ||',
      rule,
      `||  2${' '.repeat(14)}|  s${' '.repeat(11)}||`,
      rule,
      '',
    ]);
  });
});

describe('formatYaml', () => {
  it('prints block YAML with list items at their key and quoted timestamps', () => {
    expect(formatYaml({ StreamNames: ['a', 'b'], HasMoreStreams: false, When: '2026-01-01T00:00:00+00:00', Empty: [] })).toBe(
      "StreamNames:\n- a\n- b\nHasMoreStreams: false\nWhen: '2026-01-01T00:00:00+00:00'\nEmpty: []\n",
    );
  });
});

describe('isoFormat', () => {
  it('is Python isoformat in UTC, microseconds only when there are any', () => {
    expect(isoFormat(1767225600)).toBe('2026-01-01T00:00:00+00:00');
    expect(isoFormat(1767225600.123)).toBe('2026-01-01T00:00:00.123000+00:00');
  });
});
