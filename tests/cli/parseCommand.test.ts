import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { apiModels, type Shape } from '../../src/engine';
import { cliServices } from '../../src/cli/cliModels';
import { parseCommand } from '../../src/cli/parseCommand';
import { tokenize, quoteWord } from '../../src/cli/tokenize';
import { cliName } from '../../src/cli/names';
import { parseShorthand } from '../../src/cli/shorthand';

const services = cliServices(apiModels);

/** A typed value for a shape, for the round trip (strings kept to safe characters). */
function sample(shape: Shape): unknown {
  switch (shape.type) {
    case 'string':
      return shape.enum?.[0] ?? 'abc-1.2_x';
    case 'integer':
    case 'long':
      return shape.min ?? 5;
    case 'boolean':
      return true;
    case 'blob':
      return 'aGVsbG8=';
    case 'timestamp':
      return 1767225600;
    case 'list':
      return [sample(shape.member)];
    case 'map':
      return { k1: sample(shape.value) };
    case 'structure':
      return Object.fromEntries(Object.entries(shape.members).map(([k, v]) => [k, sample(v)]));
  }
}

describe('parseCommand', () => {
  it('round-trips every operation: typed request -> CLI text (JSON for structures) -> the same request', () => {
    let checked = 0;
    for (const [svcName, svc] of services) {
      for (const cmd of svc.commands.values()) {
        // The CLI hides a paginated operation's token and page-size members (--starting-token and --page-size stand in).
        const all = sample(cmd.shape.input) as Record<string, unknown>;
        const input = Object.fromEntries(cmd.params.map((p) => [p.member, all[p.member]]));
        const words = ['aws', svcName, cmd.name];
        for (const p of cmd.params) {
          const v = input[p.member];
          if (p.shape.type === 'boolean') words.push(`--${p.flag}`);
          else words.push(`--${p.flag}`, quoteWord(typeof v === 'object' ? JSON.stringify(v) : String(v)));
        }
        const parsed = parseCommand(words.join(' '), services);
        expect(parsed.kind, `${svcName} ${cmd.name}: ${JSON.stringify(parsed)}`).toBe('call');
        if (parsed.kind === 'call') expect(parsed.input).toEqual(input);
        checked++;
      }
    }
    expect(checked).toBe(apiModels.reduce((n, m) => n + Object.keys(m.operations).length, 0));
  });

  it('reads PutRecords records in shorthand, one word per entry', () => {
    const p = parseCommand('aws kinesis put-records --stream-name s --records Data=aGk=,PartitionKey=k1 Data=aGV5,PartitionKey=k2,ExplicitHashKey=7', services);
    expect(p).toMatchObject({ kind: 'call', input: { StreamName: 's', Records: [{ Data: 'aGk=', PartitionKey: 'k1' }, { Data: 'aGV5', PartitionKey: 'k2', ExplicitHashKey: '7' }] } });
  });

  it('takes booleans as --x / --no-x, structures as shorthand, maps as Key=Value, and --cli-input-json under explicit flags', () => {
    expect(parseCommand('aws kinesis delete-stream --stream-name s --no-enforce-consumer-deletion', services)).toMatchObject({ input: { StreamName: 's', EnforceConsumerDeletion: false } });
    expect(parseCommand('aws kinesis create-stream --stream-name s --stream-mode-details StreamMode=ON_DEMAND --tags team=data,env=dev', services)).toMatchObject({
      input: { StreamName: 's', StreamModeDetails: { StreamMode: 'ON_DEMAND' }, Tags: { team: 'data', env: 'dev' } },
    });
    expect(parseCommand(`aws kinesis create-stream --cli-input-json '{"StreamName":"a","ShardCount":3}' --stream-name b`, services)).toMatchObject({ input: { StreamName: 'b', ShardCount: 3 } });
  });

  it('reports unknown members of a structure as the CLI does', () => {
    expect(parseCommand('aws kinesis put-records --stream-name s --records Data=aGk=,PartitionKey=k,Foo=1', services)).toEqual({
      kind: 'error',
      text: '\nParameter validation failed:\nUnknown parameter in Records[0]: "Foo", must be one of: Data, ExplicitHashKey, PartitionKey',
    });
    expect(parseCommand('aws kinesis create-stream --stream-name s --shard-count two', services)).toEqual({ kind: 'error', text: "\nParameter validation failed:\ninvalid literal for int() with base 10: 'two'" });
  });

  it('reads global options anywhere on the line', () => {
    expect(parseCommand('aws --output table kinesis list-streams --query StreamNames --no-paginate', services)).toMatchObject({ kind: 'call', options: { output: 'table', query: 'StreamNames', noPaginate: true, binaryFormat: 'base64' } });
  });
});

describe('tokenize', () => {
  it('splits like a shell without expanding anything', () => {
    expect(tokenize(`aws kinesis put-record --data 'a b' --x "c \\"d\\" $HOME" e\\ f`)).toEqual({ ok: true, words: ['aws', 'kinesis', 'put-record', '--data', 'a b', '--x', 'c "d" $HOME', 'e f'] });
    expect(tokenize(`'open`)).toEqual({ ok: false, message: 'Unterminated single quote' });
  });
  it('gives back any word quoteWord quoted', () => {
    fc.assert(fc.property(fc.string(), (w) => {
      const t = tokenize(quoteWord(w));
      expect(t).toEqual({ ok: true, words: [w] });
    }));
  });
});

describe('cliName', () => {
  it('follows botocore xform_name', () => {
    expect(['PutRecord', 'StreamARN', 'ListObjectsV2', 'ExplicitHashKey', 'DescribeStreamSummary', 'KinesisStreamARN'].map(cliName)).toEqual([
      'put-record',
      'stream-arn',
      'list-objects-v2',
      'explicit-hash-key',
      'describe-stream-summary',
      'kinesis-stream-arn',
    ]);
  });
});

describe('parseShorthand', () => {
  it('reads nested structures, lists and quoted values', () => {
    expect(parseShorthand(`A=1,B=[x,y],C={D=2,E="a,b"},F=p,q`)).toEqual({ A: '1', B: ['x', 'y'], C: { D: '2', E: 'a,b' }, F: ['p', 'q'] });
  });
});
