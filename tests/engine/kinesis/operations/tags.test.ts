import { describe, it, expect } from 'vitest';
import { createSimulation } from '../../../../src/engine/simulation';
import { addConsumer, expectAwsError, withStream } from './streamFixtures';

const ARN = 'arn:aws:kinesis:us-east-1:123456789012:stream/s';
const tagsOf = (n: number, from = 0) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${String(from + i).padStart(2, '0')}`, `v${from + i}`]));

describe('addTagsToStream / listTagsForStream / removeTagsFromStream', () => {
  it('pages tags in key order: Limit per page, HasMoreTags, then ExclusiveStartTagKey = the last key returned', () => {
    const sim = withStream();
    for (let i = 0; i < 5; i++) expect(sim.kinesis.addTagsToStream({ StreamName: 's', Tags: tagsOf(10, i * 10) })).toEqual({});
    const p1 = sim.kinesis.listTagsForStream({ StreamName: 's', Limit: 20 });
    expect([p1.Tags.length, p1.Tags[0], p1.Tags[19], p1.HasMoreTags]).toEqual([20, { Key: 'k00', Value: 'v0' }, { Key: 'k19', Value: 'v19' }, true]);
    const p2 = sim.kinesis.listTagsForStream({ StreamARN: ARN, Limit: 20, ExclusiveStartTagKey: 'k19' });
    expect([p2.Tags[0].Key, p2.Tags[19].Key, p2.HasMoreTags]).toEqual(['k20', 'k39', true]);
    const p3 = sim.kinesis.listTagsForStream({ StreamName: 's', Limit: 20, ExclusiveStartTagKey: 'k39' });
    expect([p3.Tags.map((t) => t.Key), p3.HasMoreTags]).toEqual([['k40', 'k41', 'k42', 'k43', 'k44', 'k45', 'k46', 'k47', 'k48', 'k49'], false]);
    // Without Limit, all 50 in one page.
    const all = sim.kinesis.listTagsForStream({ StreamName: 's' });
    expect([all.Tags.length, all.HasMoreTags]).toEqual([50, false]);
    // Exactly Limit left: no more.
    expect(sim.kinesis.listTagsForStream({ StreamName: 's', Limit: 10, ExclusiveStartTagKey: 'k39' }).HasMoreTags).toBe(false);
  });

  it('overwrites a key it already has, and removes keys, ignoring keys the stream does not have', () => {
    const sim = withStream();
    sim.kinesis.addTagsToStream({ StreamName: 's', Tags: { team: 'a', env: 'dev' } });
    sim.kinesis.addTagsToStream({ StreamName: 's', Tags: { team: 'b' } });
    expect(sim.kinesis.listTagsForStream({ StreamName: 's' }).Tags).toEqual([{ Key: 'env', Value: 'dev' }, { Key: 'team', Value: 'b' }]);
    expect(sim.kinesis.removeTagsFromStream({ StreamName: 's', TagKeys: ['team', 'nope'] })).toEqual({});
    expect(sim.kinesis.listTagsForStream({ StreamName: 's' }).Tags).toEqual([{ Key: 'env', Value: 'dev' }]);
  });

  it('refuses more than 10 tags in one call and more than 50 on a stream', () => {
    const sim = withStream();
    expectAwsError(
      () => sim.kinesis.addTagsToStream({ StreamName: 's', Tags: tagsOf(11) }),
      'InvalidArgumentException',
      'Failed to add tags to stream s under account 123456789012 because a given request cannot have more than 10 tags.',
    );
    for (let i = 0; i < 5; i++) sim.kinesis.addTagsToStream({ StreamName: 's', Tags: tagsOf(10, i * 10) });
    // Overwriting an existing key keeps the count at 50: allowed.
    sim.kinesis.addTagsToStream({ StreamName: 's', Tags: { k00: 'again' } });
    expectAwsError(
      () => sim.kinesis.addTagsToStream({ StreamName: 's', Tags: { extra: 'x' } }),
      'InvalidArgumentException',
      'Failed to add tags to stream s under account 123456789012 because a given resource cannot have more than 50 tags associated with it.',
    );
    expect(sim.kinesis.listTagsForStream({ StreamName: 's' }).Tags.length).toBe(50);
  });

  it('checks key and value lengths, characters and the reserved aws: prefix', () => {
    const sim = withStream();
    expect(sim.kinesis.addTagsToStream({ StreamName: 's', Tags: { ['k'.repeat(128)]: 'v'.repeat(256), 'a b_.:/=+-@%é1': '' } })).toEqual({});
    expectAwsError(
      () => sim.kinesis.addTagsToStream({ StreamName: 's', Tags: { ['k'.repeat(129)]: 'v' } }),
      'ValidationException',
      `1 validation error detected: Value '{${'k'.repeat(129)}=v}' at 'tags' failed to satisfy constraint: Map keys must satisfy constraint: [Member must have length less than or equal to 128, Member must have length greater than or equal to 1]`,
    );
    expectAwsError(
      () => sim.kinesis.addTagsToStream({ StreamName: 's', Tags: { k: 'v'.repeat(257) } }),
      'ValidationException',
      `1 validation error detected: Value '{k=${'v'.repeat(257)}}' at 'tags' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 256, Member must have length greater than or equal to 0]`,
    );
    expectAwsError(
      () => sim.kinesis.addTagsToStream({ StreamName: 's', Tags: { 'bad#key': 'v' } }),
      'InvalidArgumentException',
      'Some tags contain invalid characters. Valid characters: Unicode letters, digits, white space, _ . / = + - % @ :.',
    );
    expectAwsError(
      () => sim.kinesis.addTagsToStream({ StreamName: 's', Tags: { 'aws:owner': 'me' } }),
      'InvalidArgumentException',
      'Tag key aws:owner uses the reserved prefix aws:, which is reserved for AWS use.',
    );
    expectAwsError(() => sim.kinesis.listTagsForStream({ StreamName: 's', Limit: 51 }), 'ValidationException', "1 validation error detected: Value '51' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 50");
    expectAwsError(() => sim.kinesis.removeTagsFromStream({ StreamName: 's', TagKeys: [] }), 'ValidationException', "1 validation error detected: Value '[]' at 'tagKeys' failed to satisfy constraint: Member must have length greater than or equal to 1");
    expectAwsError(() => sim.kinesis.addTagsToStream({ StreamName: 'nope', Tags: { a: 'b' } }), 'ResourceNotFoundException', 'Stream nope under account 123456789012 not found.');
  });

  it('takes Tags at CreateStream, with the same rules', () => {
    const sim = createSimulation({ seed: 1 });
    sim.kinesis.createStream({ StreamName: 't', ShardCount: 1, Tags: { env: 'prod', team: 'data' } });
    expect(sim.kinesis.listTagsForStream({ StreamName: 't' }).Tags).toEqual([{ Key: 'env', Value: 'prod' }, { Key: 'team', Value: 'data' }]);
    expectAwsError(() => sim.kinesis.createStream({ StreamName: 'u', ShardCount: 1, Tags: tagsOf(51) }), 'InvalidArgumentException', 'Failed to add tags to stream u under account 123456789012 because a given resource cannot have more than 50 tags associated with it.');
    expect(sim.kinesis.listStreams({}).StreamNames).toEqual(['t']);
  });
});

describe('tagResource / untagResource / listTagsForResource', () => {
  it('tags streams and consumers by ARN, each resource its own tags', () => {
    const sim = withStream();
    const c = addConsumer(sim, 's', 'app');
    expect(sim.kinesis.tagResource({ ResourceARN: ARN, Tags: { env: 'prod' } })).toEqual({});
    sim.kinesis.tagResource({ ResourceARN: c.arn, Tags: { owner: 'alice', tier: 'gold' } });
    expect(sim.kinesis.listTagsForResource({ ResourceARN: ARN })).toEqual({ Tags: [{ Key: 'env', Value: 'prod' }] });
    expect(sim.kinesis.listTagsForResource({ ResourceARN: c.arn })).toEqual({ Tags: [{ Key: 'owner', Value: 'alice' }, { Key: 'tier', Value: 'gold' }] });
    // The stream's tags are the same whichever operation family reads them.
    expect(sim.kinesis.listTagsForStream({ StreamName: 's' }).Tags).toEqual([{ Key: 'env', Value: 'prod' }]);
    expect(sim.kinesis.untagResource({ ResourceARN: c.arn, TagKeys: ['owner'] })).toEqual({});
    expect(sim.kinesis.listTagsForResource({ ResourceARN: c.arn }).Tags).toEqual([{ Key: 'tier', Value: 'gold' }]);
    // TagResource has no 10-per-call rule, only the 50 per resource.
    expect(sim.kinesis.tagResource({ ResourceARN: ARN, Tags: tagsOf(49) })).toEqual({});
    expectAwsError(() => sim.kinesis.tagResource({ ResourceARN: ARN, Tags: { one: 'more' } }), 'InvalidArgumentException', `Failed to add tags to resource ${ARN} because a given resource cannot have more than 50 tags associated with it.`);
  });

  it('answers unknown resources and malformed ARNs as AWS does', () => {
    const sim = withStream();
    expectAwsError(() => sim.kinesis.listTagsForResource({ ResourceARN: `${ARN}x` }), 'ResourceNotFoundException', 'Stream sx under account 123456789012 not found.');
    expectAwsError(() => sim.kinesis.listTagsForResource({ ResourceARN: `${ARN}/consumer/gone:1767225600` }), 'ResourceNotFoundException', `Consumer ${ARN}/consumer/gone:1767225600 under account 123456789012 not found.`);
    expectAwsError(
      () => sim.kinesis.tagResource({ ResourceARN: 'arn:aws:s3:::bucket', Tags: { a: 'b' } }),
      'ValidationException',
      "1 validation error detected: Value 'arn:aws:s3:::bucket' at 'resourceARN' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:aws.*:kinesis:.*:\\d{12}:.*stream/\\S+",
    );
  });

  it('takes Tags at RegisterStreamConsumer', () => {
    const sim = withStream();
    const c = sim.kinesis.registerStreamConsumer({ StreamARN: ARN, ConsumerName: 'efo', Tags: { app: 'dash' } }).Consumer;
    expect(sim.kinesis.listTagsForResource({ ResourceARN: c.ConsumerARN }).Tags).toEqual([{ Key: 'app', Value: 'dash' }]);
  });
});
