/**
 * The real AWS CLI and boto3 against the endpoint, where they are installed
 * (they are not npm packages; CI may not have them): each skips with a message
 * saying what is missing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, execFileSync } from 'node:child_process';
import { startServer, type Running } from './serverFixture';

function installed(cmd: string, args: string[]): boolean {
  try {
    execFileSync(cmd, args, { stdio: 'ignore', timeout: 20_000 });
    return true;
  } catch {
    return false;
  }
}

const hasCli = installed('aws', ['--version']);
/** CLI v1 sends a blob argument's text as is; v2 reads it as base64 unless told raw-in-base64-out. */
const cliV2 = hasCli && /^aws-cli\/2\./.test(execFileSync('aws', ['--version'], { encoding: 'utf8' }).trim());
const hasBoto3 = installed('python3', ['-c', 'import boto3']);
if (!hasCli) console.warn('awsCli.test: the AWS CLI (`aws`) is not installed here; its test is skipped. Install it (pip install awscli, or apt-get install awscli) to run it.');
if (!hasBoto3) console.warn('awsCli.test: python3 with boto3 is not installed here; its test is skipped (pip install boto3, or apt-get install python3-boto3).');

const env = { ...process.env, AWS_ACCESS_KEY_ID: 'AKIDSIMULATOR', AWS_SECRET_ACCESS_KEY: 'simulator-secret', AWS_DEFAULT_REGION: 'us-east-1', AWS_PAGER: '', AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null' };

/** Runs a command without blocking the event loop (the server answers it from this process). */
function run(cmd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { env, timeout: 60_000 }, (err, stdout, stderr) => resolve({ code: err === null ? 0 : typeof err.code === 'number' ? err.code : 1, stdout, stderr }));
  });
}

describe('real AWS tools against the endpoint', () => {
  let s: Running;
  beforeAll(async () => {
    s = await startServer();
  });
  afterAll(() => s.stop());

  it.skipIf(!hasCli)('the AWS CLI creates a stream, puts a record, lists streams and prints AWS errors', async () => {
    const aws = (...a: string[]) => run('aws', ['--endpoint-url', s.endpoint.url, '--output', 'json', ...a]);
    expect((await aws('kinesis', 'create-stream', '--stream-name', 'cli-stream', '--shard-count', '1')).code).toBe(0);
    await s.host.advance(60_000);
    const put = await aws('kinesis', 'put-record', '--stream-name', 'cli-stream', '--partition-key', 'device-7', '--data', 'hello', ...(cliV2 ? ['--cli-binary-format', 'raw-in-base64-out'] : []));
    expect(put.code).toBe(0);
    expect(JSON.parse(put.stdout).ShardId).toBe('shardId-000000000000');
    const list = await aws('kinesis', 'list-streams');
    expect(JSON.parse(list.stdout).StreamNames).toEqual(['cli-stream']);
    const missing = await aws('kinesis', 'describe-stream', '--stream-name', 'nope');
    expect(missing.code).toBe(255);
    expect(missing.stderr.trim()).toMatch(/^An error occurred \(ResourceNotFoundException\) when calling the DescribeStream operation: Stream nope under account \d{12} not found\.$/);
  });

  it.skipIf(!hasBoto3)('boto3 puts records and reads them back', async () => {
    const script = `
import boto3, json, sys
k = boto3.client('kinesis', endpoint_url=sys.argv[1])
p = k.put_records(StreamName='cli-stream', Records=[{'Data': b'from-boto3', 'PartitionKey': 'b'}])
it = k.get_shard_iterator(StreamName='cli-stream', ShardId='shardId-000000000000', ShardIteratorType='TRIM_HORIZON')['ShardIterator']
r = k.get_records(ShardIterator=it)
print(json.dumps({'failed': p['FailedRecordCount'], 'data': [x['Data'].decode() for x in r['Records']]}))
`;
    const out = await run('python3', ['-c', script, s.endpoint.url]);
    expect(out.stderr).toBe('');
    expect(JSON.parse(out.stdout)).toEqual({ failed: 0, data: ['hello', 'from-boto3'] });
  });
});
