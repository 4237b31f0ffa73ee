import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/engine/simulation';
import { isAwsError } from '../../../src/engine/core/errors';

const echo = (e: unknown) => e;

describe('createFunction', () => {
  it('returns the configuration with the ARN arn:aws:lambda:<region>:<account>:function:<name> and defaults', () => {
    const sim = createSimulation({ region: 'eu-west-1', accountId: '111122223333' });
    const c = sim.lambda.createFunction({ FunctionName: 'transform', handler: echo });
    expect(c).toEqual({
      FunctionName: 'transform',
      FunctionArn: 'arn:aws:lambda:eu-west-1:111122223333:function:transform',
      Runtime: 'nodejs20.x',
      Handler: 'index.handler',
      Timeout: 3,
      MemorySize: 128,
      Description: '',
      State: 'Active',
      LastModified: 1767225600000,
      Version: '$LATEST',
      durationMs: 100,
      errorRate: 0,
    });
  });

  it('rejects a duplicate name with ResourceConflictException', () => {
    const sim = createSimulation();
    sim.lambda.createFunction({ FunctionName: 'f', handler: echo });
    expect(() => sim.lambda.createFunction({ FunctionName: 'f', handler: echo })).toThrowError('Function already exist: f');
  });

  it('validates the name, Timeout and MemorySize the way Lambda reports them', () => {
    const sim = createSimulation();
    try {
      sim.lambda.createFunction({ FunctionName: 'bad name', handler: echo, Timeout: 901, MemorySize: 64 });
      expect.unreachable();
    } catch (e) {
      expect(isAwsError(e, 'ValidationException')).toBe(true);
      expect((e as Error).message).toBe(
        "3 validation errors detected: Value 'bad name' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9-_]+ and have length between 1 and 64; " +
          "Value '901' at 'timeout' failed to satisfy constraint: Member must have value between 1 and 900; " +
          "Value '64' at 'memorySize' failed to satisfy constraint: Member must have value between 128 and 10240",
      );
    }
    expect(() => sim.lambda.createFunction({ FunctionName: 'f', handler: echo, errorRate: 2 })).toThrowError('errorRate must be between 0 and 1, got 2');
  });
});

describe('getFunction', () => {
  it('finds a function by name or by ARN with a $LATEST qualifier', () => {
    const sim = createSimulation();
    sim.lambda.createFunction({ FunctionName: 'f', handler: echo, Timeout: 60 });
    expect(sim.lambda.getFunction({ FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST' }).Configuration.Timeout).toBe(60);
    expect(() => sim.lambda.getFunction({ FunctionName: 'nope' })).toThrowError('Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope');
  });
});

describe('listFunctions', () => {
  it('lists by name with MaxItems and NextMarker', () => {
    const sim = createSimulation();
    for (const n of ['c', 'a', 'b']) sim.lambda.createFunction({ FunctionName: n, handler: echo });
    const first = sim.lambda.listFunctions({ MaxItems: 2 });
    expect(first.Functions.map((f) => f.FunctionName)).toEqual(['a', 'b']);
    expect(first.NextMarker).toBe('b');
    const second = sim.lambda.listFunctions({ MaxItems: 2, Marker: first.NextMarker });
    expect(second.Functions.map((f) => f.FunctionName)).toEqual(['c']);
    expect(second.NextMarker).toBeUndefined();
  });
});

describe('deleteFunction', () => {
  it('removes the function', () => {
    const sim = createSimulation();
    sim.lambda.createFunction({ FunctionName: 'f', handler: echo });
    expect(sim.lambda.deleteFunction({ FunctionName: 'f' })).toEqual({});
    expect(sim.lambda.listFunctions().Functions).toEqual([]);
    expect(() => sim.lambda.deleteFunction({ FunctionName: 'f' })).toThrowError(/Function not found/);
  });
});

describe('updateFunctionConfiguration', () => {
  it('changes the knobs and LastModified', () => {
    const sim = createSimulation();
    sim.lambda.createFunction({ FunctionName: 'f', handler: echo });
    sim.advanceSync(5000);
    const c = sim.lambda.updateFunctionConfiguration({ FunctionName: 'f', durationMs: 250, errorRate: 0.5, Timeout: 10 });
    expect([c.durationMs, c.errorRate, c.Timeout, c.LastModified]).toEqual([250, 0.5, 10, 1767225605000]);
  });
});
