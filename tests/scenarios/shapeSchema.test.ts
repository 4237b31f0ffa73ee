import { describe, expect, it } from 'vitest';
import { s } from '../../src/engine/core/shape';
import { schemaOf, structureSchema } from '../../src/scenarios/shapeSchema';
import { kinesisArgs, firehoseArgs, streamName } from '../../src/scenarios/awsShapes';
import { MAX_SHARDS } from '../../src/scenarios/limits';

describe('scenario schema nodes from the declared shapes', () => {
  it('carries the model pattern anchored, with a readable hint, and the lengths', () => {
    expect(streamName).toEqual({ kind: 'string', minLength: 1, maxLength: 128, pattern: '^(?:[a-zA-Z0-9_.-]+)$', patternHint: 'letters, digits, "_", "." and "-"' });
  });

  it('applies the scenario caps over the shape (shard counts) and keeps required members', () => {
    const create = kinesisArgs.createStream as Extract<(typeof kinesisArgs)['createStream'], { kind: 'object' }>;
    expect(create.props.ShardCount).toEqual({ kind: 'integer', min: 1, max: MAX_SHARDS, description: undefined });
    expect(create.required).toEqual(['StreamName']);
    expect(Object.keys(kinesisArgs).sort()).toEqual(
      ['createStream', 'decreaseStreamRetentionPeriod', 'deleteStream', 'deregisterStreamConsumer', 'increaseStreamRetentionPeriod', 'mergeShards', 'putRecord', 'putRecords', 'registerStreamConsumer', 'splitShard', 'updateShardCount', 'updateStreamMode',
        // w10c's commands
        'updateStreamWarmThroughput', 'enableEnhancedMonitoring', 'disableEnhancedMonitoring', 'startStreamEncryption', 'stopStreamEncryption', 'addTagsToStream', 'removeTagsFromStream', 'updateMaxRecordSize'].sort(),
    );
    expect(Object.keys(firehoseArgs).sort()).toEqual(['createDeliveryStream', 'deleteDeliveryStream', 'putRecord', 'updateDestination']);
  });

  it('maps every shape type', () => {
    expect(schemaOf(s.enum(['A', 'BB']))).toEqual({ kind: 'string', maxLength: 2, enum: ['A', 'BB'] });
    expect(schemaOf(s.integer(1))).toEqual({ kind: 'integer', min: 1, max: 2147483647, description: undefined });
    expect(schemaOf(s.blob(0, 10))).toEqual({ kind: 'string', minLength: 0, maxLength: 4096 });
    expect(schemaOf(s.list(s.boolean(), 1, 5))).toEqual({ kind: 'array', items: { kind: 'boolean', description: undefined }, maxItems: 5, minItems: 1, description: undefined });
    // Unicode-class patterns are left to the engine (the scenario validator has no 'u' flag).
    expect(schemaOf(s.string({ max: 3, pattern: '[\\p{L}]*' }))).toEqual({ kind: 'string', minLength: 0, maxLength: 3 });
    expect(structureSchema(s.structure({}))).toMatchObject({ kind: 'object', open: true });
  });
});
