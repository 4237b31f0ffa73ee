import { describe, it, expect } from 'vitest';
import { apiModels } from '../../src/engine';
import { cliServices } from '../../src/cli/cliModels';
import { complete } from '../../src/cli/complete';
import { helpText } from '../../src/cli/help';
import { consoleOn } from './cliHarness';

const services = cliServices(apiModels);

describe('pagination', () => {
  it('fetches every page of list-shards unless --no-paginate, and hides --next-token and --max-results', async () => {
    const { cli } = consoleOn();
    await cli.run('aws kinesis create-stream --stream-name p --shard-count 3');
    await cli.run('aws kinesis wait stream-exists --stream-name p');
    const all = await cli.run("aws kinesis list-shards --stream-name p --page-size 1 --query 'Shards[].ShardId' --output text");
    expect(all).toEqual({ stdout: 'shardId-000000000000\tshardId-000000000001\tshardId-000000000002\n', stderr: '', status: 0 });
    const one = await cli.run("aws kinesis list-shards --stream-name p --page-size 1 --no-paginate --query '[length(Shards), type(NextToken)]' --output text");
    expect(one.stdout).toBe('1\tstring\n');
    const hidden = await cli.run('aws kinesis list-shards --stream-name p --max-results 1');
    expect(hidden.stderr).toBe('\nUnknown options: --max-results, 1\n');
  });
});

describe('help', () => {
  it('lists a command\'s parameters from its declared shape', () => {
    const h = helpText(services, 'kinesis', 'put-record');
    expect(h.split('\n').slice(0, 4)).toEqual(['put-record', '', 'PutRecord', '']);
    expect(h).toContain('    --data <value>\n    --partition-key <value>\n');
    expect(h).toContain('  --partition-key (string) [required]\n      length 1..256');
    expect(helpText(services, 'kinesis')).toContain('  o put-records\n');
    expect(helpText(services)).toContain('  o firehose\n');
  });
});

describe('complete', () => {
  const resources = { streams: ['telemetry-stream', 'orders'], deliveryStreams: ['to-s3'], buckets: ['logs-bucket'], functions: [] };
  it('completes services, commands, parameters and resource names', () => {
    expect(complete('aws kin', services, resources).candidates).toEqual(['kinesis', 'kinesis-video-archived-media', 'kinesis-video-media', 'kinesisanalyticsv2', 'kinesisvideo']);
    expect(complete('aws fire', services, resources).candidates).toEqual(['firehose']);
    expect(complete('aws kinesis put-rec', services, resources).candidates).toEqual(['put-record', 'put-records']);
    expect(complete('aws kinesis put-record --stream-name tel', services, resources)).toEqual({ prefix: 'aws kinesis put-record --stream-name ', word: 'tel', candidates: ['telemetry-stream'] });
    expect(complete('aws kinesis put-record --stream-name orders --par', services, resources).candidates).toEqual(['--partition-key']);
    expect(complete('aws kinesis get-shard-iterator --shard-iterator-type T', services, resources).candidates).toEqual(['TRIM_HORIZON']);
    expect(complete('aws firehose describe-delivery-stream --delivery-stream-name ', services, resources).candidates).toEqual(['to-s3']);
    expect(complete('aws s3 ls ', services, resources).candidates).toEqual(['s3://logs-bucket/']);
  });
});
