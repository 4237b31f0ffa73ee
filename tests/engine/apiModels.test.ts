import { describe, expect, it } from 'vitest';
import { apiModels } from '../../src/engine';
import { kinesisOperations } from '../../src/engine/kinesis/operations';
import { firehoseOperations } from '../../src/engine/firehose/operations';
import { kinesisShapes } from '../../src/engine/kinesis/operations/shapes';
import { firehoseShapes } from '../../src/engine/firehose/operations/shapes';

describe('apiModels', () => {
  it('lists exactly the operations each service serves, each with a declared shape', () => {
    const kinesis = apiModels.find((m) => m.cli === 'kinesis');
    const firehose = apiModels.find((m) => m.cli === 'firehose');
    expect(Object.keys(kinesis?.operations ?? {}).sort()).toEqual(Object.keys(kinesisOperations).sort());
    expect(Object.keys(firehose?.operations ?? {}).sort()).toEqual(Object.keys(firehoseOperations).sort());
  });

  it('declares a shape for every served operation (none served without one)', () => {
    for (const name of Object.keys(kinesisOperations)) expect(Object.keys(kinesisShapes)).toContain(name);
    for (const name of Object.keys(firehoseOperations)) expect(Object.keys(firehoseShapes)).toContain(name);
  });

  it('names the JSON 1.1 target prefixes the wire serves', () => {
    expect(apiModels.map((m) => [m.cli, m.protocol, m.targetPrefix])).toEqual([
      ['kinesis', 'json', 'Kinesis_20131202'],
      ['firehose', 'json', 'Firehose_20150804'],
      ['kinesisanalyticsv2', 'json', 'KinesisAnalytics_20180523'],
      ['kinesisvideo', 'rest-json', undefined],
      ['kinesis-video-media', 'rest-json', undefined],
      ['kinesis-video-archived-media', 'rest-json', undefined],
      ['rekognition', 'json', 'RekognitionService'],
      // The console's S3 and Lambda reads go through the typed APIs (no JSON 1.1 target).
      ['s3api', 'rest-json', undefined],
      ['lambda', 'rest-json', undefined],
    ]);
  });
});
