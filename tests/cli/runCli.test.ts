import { describe, it, expect } from 'vitest';
import { consoleOn } from './cliHarness';

describe('runCli against a simulation', () => {
  it('creates a stream as a recorded scenario command, waits for it and describes it with --query', async () => {
    const { session, cli } = consoleOn();
    expect(await cli.run('aws kinesis create-stream --stream-name telemetry --shard-count 2')).toEqual({ stdout: '', stderr: '', status: 0 });
    expect(session.toScenario().commands.map((c) => [c.op, c.args])).toEqual([['kinesis.createStream', { StreamName: 'telemetry', ShardCount: 2 }]]);
    expect(await cli.run('aws kinesis wait stream-exists --stream-name telemetry')).toEqual({ stdout: '', stderr: '', status: 0 });
    const q = await cli.run("aws kinesis describe-stream-summary --stream-name telemetry --query 'StreamDescriptionSummary.[StreamStatus,OpenShardCount]' --output text");
    expect(q).toEqual({ stdout: 'ACTIVE\t2\n', stderr: '', status: 0 });
    // Reads are not recorded.
    expect(session.toScenario().commands.length).toBe(1);
  });

  it('puts a record (blob in base64 by default, raw with raw-in-base64-out) and prints JSON with 4-space indent', async () => {
    const { session, cli } = consoleOn();
    await cli.run('aws kinesis create-stream --stream-name s --shard-count 1');
    await cli.run('aws kinesis wait stream-exists --stream-name s');
    const r = await cli.run('aws kinesis put-record --stream-name s --partition-key device-7 --data aGVsbG8=');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^\{\n {4}"ShardId": "shardId-000000000000",\n {4}"SequenceNumber": "\d+"\n\}\n$/);
    await cli.run('aws kinesis put-record --stream-name s --partition-key k --data hello --cli-binary-format raw-in-base64-out');
    const cmds = session.toScenario().commands;
    expect(cmds[1].args).toEqual({ StreamName: 's', PartitionKey: 'device-7', Data: 'aGVsbG8=' });
    expect(cmds[2].args).toEqual({ StreamName: 's', PartitionKey: 'k', Data: 'aGVsbG8=' });
    expect(await cli.run('aws kinesis put-record --stream-name s --partition-key k --data hello')).toEqual({ stdout: '', stderr: '\nParameter validation failed:\nInvalid base64: "hello"\n', status: 252 });
  });

  it('prints service errors as the CLI does', async () => {
    const { cli } = consoleOn();
    expect(await cli.run('aws kinesis describe-stream --stream-name x')).toEqual({
      stdout: '',
      stderr: '\nAn error occurred (ResourceNotFoundException) when calling the DescribeStream operation: Stream x under account 123456789012 not found.\n',
      status: 254,
    });
  });

  it('prints usage errors for missing and unknown parameters, and never throws', async () => {
    const { cli } = consoleOn();
    const missing = await cli.run('aws kinesis put-record --stream-name s --data aGk=');
    expect(missing.status).toBe(252);
    expect(missing.stderr.endsWith('aws: error: the following arguments are required: --partition-key\n')).toBe(true);
    expect(missing.stderr.startsWith('usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n')).toBe(true);
    expect(await cli.run('aws kinesis list-streams --bogus 1')).toEqual({ stdout: '', stderr: '\nUnknown options: --bogus, 1\n', status: 252 });
    expect((await cli.run('aws kinesis frobnicate')).stderr).toContain('aws: error: argument operation: Invalid choice, valid choices are:');
    expect((await cli.run('aws nope list')).stderr).toContain('aws: error: argument command: Invalid choice');
    expect((await cli.run('aws kinesis list-streams --query "[["')).stderr).toMatch(/^\nBad value for --query \[\[: /);
    expect(await cli.run('aws kinesis list-streams --output "unterminated')).toEqual({ stdout: '', stderr: 'Error: Unterminated double quote\n', status: 252 });
  });

  it('lists streams as table and yaml', async () => {
    const { cli } = consoleOn();
    await cli.run('aws kinesis create-stream --stream-name alpha --shard-count 1');
    const table = await cli.run('aws kinesis list-streams --query StreamNames --output table');
    expect(table.stdout).toBe(['-------------', '|ListStreams|', '+-----------+', '|  alpha    |', '+-----------+', ''].join('\n'));
    const yaml = await cli.run('aws kinesis list-streams --output yaml --query "{names: StreamNames, more: HasMoreStreams}"');
    expect(yaml.stdout).toBe('names:\n- alpha\nmore: false\n');
  });

  it('serves s3api and s3 ls over the simulated buckets', async () => {
    const { cli, session } = consoleOn();
    await cli.run('aws s3api create-bucket --bucket logs-bucket');
    expect(session.toScenario().commands.map((c) => c.op)).toEqual(['s3.createBucket']);
    session.sim.s3.putObject({ Bucket: 'logs-bucket', Key: '2026/01/01/a.json', Body: new TextEncoder().encode('{"a":1}\n') } as never);
    const list = await cli.run("aws s3api list-objects-v2 --bucket logs-bucket --query 'Contents[].[Key,Size]' --output text");
    expect(list.stdout).toBe('2026/01/01/a.json\t8\n');
    expect((await cli.run('aws s3 ls')).stdout).toBe('2026-01-01 00:00:00 logs-bucket\n');
    expect((await cli.run('aws s3 ls s3://logs-bucket/')).stdout).toBe(`${' '.repeat(27)}PRE 2026/\n`);
    expect((await cli.run('aws s3 cp s3://logs-bucket/2026/01/01/a.json -')).stdout).toBe('{"a":1}\n');
    expect(await cli.run('aws s3api head-object --bucket logs-bucket --key nope')).toEqual({ stdout: '', stderr: '\nAn error occurred (404) when calling the HeadObject operation: Not Found\n', status: 254 });
  });
});

describe('kinesis waiters', () => {
  it('stream-not-exists polls DescribeStreamSummary until the stream is gone', async () => {
    const { cli, session } = consoleOn();
    await cli.run('aws kinesis create-stream --stream-name gone --shard-count 1');
    await cli.run('aws kinesis wait stream-exists --stream-name gone');
    await cli.run('aws kinesis delete-stream --stream-name gone');
    const t0 = session.sim.now();
    expect(await cli.run('aws kinesis wait stream-not-exists --stream-name gone')).toEqual({ stdout: '', stderr: '', status: 0 });
    expect(session.sim.now() - t0).toBeGreaterThan(0);
    expect((await cli.run('aws kinesis wait stream-exists --stream-name never')).stderr).toBe('\nWaiter StreamExists failed: Max attempts exceeded\n');
  });
});

describe('lambda in the console', () => {
  it('lists functions (none in an empty world) and names a missing one as Lambda does', async () => {
    const { cli } = consoleOn();
    expect(await cli.run('aws lambda list-functions')).toEqual({ stdout: '{\n    "Functions": []\n}\n', stderr: '', status: 0 });
    const r = await cli.run('aws lambda get-function --function-name nope');
    expect(r.status).toBe(254);
    expect(r.stderr).toMatch(/^\nAn error occurred \(ResourceNotFoundException\) when calling the GetFunction operation: /);
  });
});
