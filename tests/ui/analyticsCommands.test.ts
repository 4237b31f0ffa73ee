/**
 * The analytics inspector's edits (src/ui/analyticsCommands.ts) as the scenario
 * commands they are: each builder's exact request, accepted by the scenario
 * schema and the engine through the worker's World, recorded in the scenario,
 * and seen in DescribeApplication and the snapshot the inspector draws.
 */
import { describe, expect, it } from 'vitest';
import { World } from '../../src/worker/world';
import { presetScenario } from '../../src/scenarios/presets';
import { addInput, addOutput, deleteOutput, parseColumns, snapshotApp, startApp, stopApp, updateCode, updateInputParallelism, updateParallelism, updateSnapshots } from '../../src/ui/analyticsCommands';

const flinkWorld = async () => {
  const w = new World('1', presetScenario('analytics-autoscaling')!);
  await w.advance(40000); // created at 1 s, RUNNING 30 s later
  return w;
};
const sqlWorld = async () => {
  const w = new World('1', presetScenario('analytics-sensor-anomalies')!);
  await w.advance(40000);
  return w;
};
const describeApp = (w: World, name: string) => w.sim.analytics.describeApplication({ ApplicationName: name }).ApplicationDetail;
const snapOf = (w: World, name: string) => w.snapshot().analytics!.find((a) => a.name === name)!;

describe('analytics inspector commands', () => {
  it('spells each request as kinesisanalyticsv2 does', () => {
    expect(updateParallelism('a', 3, { parallelism: 4, perKpu: 2, autoScaling: false })).toEqual({
      op: 'analytics.updateApplication',
      args: { ApplicationName: 'a', CurrentApplicationVersionId: 3, ApplicationConfigurationUpdate: { FlinkApplicationConfigurationUpdate: { ParallelismConfigurationUpdate: { ConfigurationTypeUpdate: 'CUSTOM', ParallelismUpdate: 4, ParallelismPerKPUUpdate: 2, AutoScalingEnabledUpdate: false } } } },
    });
    expect(updateParallelism('a', 3, 'DEFAULT').args).toEqual({ ApplicationName: 'a', CurrentApplicationVersionId: 3, ApplicationConfigurationUpdate: { FlinkApplicationConfigurationUpdate: { ParallelismConfigurationUpdate: { ConfigurationTypeUpdate: 'DEFAULT' } } } });
    expect(addOutput('a', 2, { streamName: 'ALERTS', kind: 'firehose', target: 'to-s3', format: 'CSV' })).toEqual({
      op: 'analytics.addApplicationOutput',
      args: { ApplicationName: 'a', CurrentApplicationVersionId: 2, Output: { Name: 'ALERTS', KinesisFirehoseOutput: { ResourceARN: 'arn:aws:firehose:us-east-1:123456789012:deliverystream/to-s3' }, DestinationSchema: { RecordFormatType: 'CSV' } } },
    });
    expect(addOutput('a', 2, { streamName: 'X', kind: 'lambda', target: 'fn', format: 'JSON' }).args.Output).toEqual({ Name: 'X', LambdaOutput: { ResourceARN: 'arn:aws:lambda:us-east-1:123456789012:function:fn' }, DestinationSchema: { RecordFormatType: 'JSON' } });
    expect(deleteOutput('a', 5, '1.2')).toEqual({ op: 'analytics.deleteApplicationOutput', args: { ApplicationName: 'a', CurrentApplicationVersionId: 5, OutputId: '1.2' } });
    expect(stopApp('a', true)).toEqual({ op: 'analytics.stopApplication', args: { ApplicationName: 'a', Force: true } });
    expect(stopApp('a', false)).toEqual({ op: 'analytics.stopApplication', args: { ApplicationName: 'a' } });
    expect(startApp('a', ['1.1'])).toEqual({ op: 'analytics.startApplication', args: { ApplicationName: 'a', RunConfiguration: { SqlRunConfigurations: [{ InputId: '1.1', InputStartingPositionConfiguration: { InputStartingPosition: 'NOW' } }] } } });
    expect(startApp('a')).toEqual({ op: 'analytics.startApplication', args: { ApplicationName: 'a' } });
    expect(snapshotApp('a', 's1')).toEqual({ op: 'analytics.createApplicationSnapshot', args: { ApplicationName: 'a', SnapshotName: 's1' } });
    expect(updateInputParallelism('a', 2, '1.1', 3).args).toEqual({ ApplicationName: 'a', CurrentApplicationVersionId: 2, ApplicationConfigurationUpdate: { SqlApplicationConfigurationUpdate: { InputUpdates: [{ InputId: '1.1', InputParallelismUpdate: { CountUpdate: 3 } }] } } });
    expect(updateSnapshots('a', 2, true).args).toEqual({ ApplicationName: 'a', CurrentApplicationVersionId: 2, ApplicationConfigurationUpdate: { ApplicationSnapshotConfigurationUpdate: { SnapshotsEnabledUpdate: true } } });
  });

  it('reads columns as NAME TYPE pairs mapped from the JSON field, types with commas kept whole', () => {
    expect(parseColumns('ticker varchar(8), price DECIMAL(10, 2)')).toEqual([
      { Name: 'TICKER', SqlType: 'VARCHAR(8)', Mapping: '$.ticker' },
      { Name: 'PRICE', SqlType: 'DECIMAL(10, 2)', Mapping: '$.price' },
    ]);
    expect(parseColumns('ticker')).toBeUndefined();
    expect(parseColumns('  ')).toBeUndefined();
  });

  it('edits a running Flink application\'s parallelism: UPDATING, then RUNNING with the new KPUs; recorded in the scenario', async () => {
    const w = await flinkWorld();
    const before = snapOf(w, 'order-counter');
    expect(before.config!.parallelism).toEqual({ configurationType: 'CUSTOM', parallelism: 1, perKpu: 1, current: 1, autoScaling: true });
    expect(w.command(updateParallelism('order-counter', before.versionId, { parallelism: 4, perKpu: 2, autoScaling: false })).ok).toBe(true);
    expect(describeApp(w, 'order-counter').ApplicationStatus).toBe('UPDATING');
    await w.advance(11000);
    const after = snapOf(w, 'order-counter');
    expect([after.status, after.kpus, after.versionId]).toEqual(['RUNNING', 3, before.versionId + 1]);
    expect(after.config!.parallelism).toEqual({ configurationType: 'CUSTOM', parallelism: 4, perKpu: 2, current: 4, autoScaling: false });
    expect(w.toScenario().commands.at(-1)!.op).toBe('analytics.updateApplication');
    // A form still showing the old version is refused as AWS refuses it.
    const stale = w.command(updateParallelism('order-counter', before.versionId, 'DEFAULT'));
    expect(stale).toEqual({ ok: false, error: { type: 'ConcurrentModificationException', message: `Provided application version id (${before.versionId}) does not match the current version id (${before.versionId + 1}) of application order-counter.` } });
  });

  it('snapshots on, a snapshot, a forced stop, a start again', async () => {
    const w = await flinkWorld();
    expect(w.command(updateSnapshots('order-counter', snapOf(w, 'order-counter').versionId, true)).ok).toBe(true);
    await w.advance(11000);
    expect(snapOf(w, 'order-counter').config!.snapshotsEnabled).toBe(true);
    expect(w.command(snapshotApp('order-counter', 'lesson-1')).ok).toBe(true);
    await w.advance(5000);
    expect(w.sim.analytics.listApplicationSnapshots({ ApplicationName: 'order-counter' }).SnapshotSummaries.map((s) => s.SnapshotName)).toContain('lesson-1');
    expect(w.command(stopApp('order-counter', true)).ok).toBe(true);
    expect(describeApp(w, 'order-counter').ApplicationStatus).toBe('FORCE_STOPPING');
    await w.advance(10000);
    expect(w.command(startApp('order-counter')).ok).toBe(true);
    await w.advance(30000);
    expect(describeApp(w, 'order-counter').ApplicationStatus).toBe('RUNNING');
  });

  it('adds an output to a SQL application and deletes it; the snapshot lists outputs with their ids', async () => {
    const w = await sqlWorld();
    const v = snapOf(w, 'sensor-anomalies').versionId;
    expect(snapOf(w, 'sensor-anomalies').config!.outputs).toEqual([{ outputId: '1.1', name: 'DESTINATION_SQL_STREAM', kind: 'kinesis', target: 'scores', format: 'JSON' }]);
    expect(w.command(addOutput('sensor-anomalies', v, { streamName: 'DESTINATION_SQL_STREAM', kind: 'kinesis', target: 'sensors', format: 'CSV' })).ok).toBe(true);
    expect(snapOf(w, 'sensor-anomalies').config!.outputs.map((o) => [o.outputId, o.target, o.format])).toEqual([['1.1', 'scores', 'JSON'], ['1.2', 'sensors', 'CSV']]);
    expect(snapOf(w, 'sensor-anomalies').destinations).toEqual([{ kind: 'kinesis', name: 'scores' }, { kind: 'kinesis', name: 'sensors' }]);
    expect(w.command(deleteOutput('sensor-anomalies', v + 1, '1.1')).ok).toBe(true);
    expect(snapOf(w, 'sensor-anomalies').config!.outputs.map((o) => o.outputId)).toEqual(['1.2']);
    expect(w.toScenario().commands.slice(-2).map((c) => c.op)).toEqual(['analytics.addApplicationOutput', 'analytics.deleteApplicationOutput']);
  });

  it('changes a SQL input\'s parallelism, and adds an input to an application that has none', async () => {
    const w = await sqlWorld();
    const v = snapOf(w, 'sensor-anomalies').versionId;
    expect(w.command(stopApp('sensor-anomalies', false)).ok).toBe(true);
    await w.advance(10000);
    expect(w.command(updateInputParallelism('sensor-anomalies', v, '1.1', 2)).ok).toBe(true);
    expect(snapOf(w, 'sensor-anomalies').config!.inputs).toEqual([{ inputId: '1.1', namePrefix: 'SOURCE_SQL_STREAM', kind: 'kinesis', source: 'sensors', parallelism: 2 }]);
    // A second input is refused: a SQL application has one streaming source.
    const second = w.command(addInput('sensor-anomalies', v + 1, { namePrefix: 'MORE', stream: 'scores', columns: parseColumns('X INTEGER')!, parallelism: 1 }));
    expect(second).toEqual({ ok: false, error: { type: 'LimitExceededException', message: 'Application sensor-anomalies already has 1 streaming input.' } });
    expect(w.command({ op: 'analytics.createApplication', args: { ApplicationName: 'empty', RuntimeEnvironment: 'SQL-1_0', ServiceExecutionRole: 'arn:aws:iam::123456789012:role/kinesis-analytics-role' } }).ok).toBe(true);
    expect(w.command(addInput('empty', 1, { namePrefix: 'SOURCE_SQL_STREAM', stream: 'sensors', columns: parseColumns('DEVICE_ID VARCHAR(16), TEMPERATURE REAL')!, parallelism: 1 })).ok).toBe(true);
    expect(describeApp(w, 'empty').ApplicationConfigurationDescription.SqlApplicationConfigurationDescription!.InputDescriptions[0].InputSchema.RecordColumns).toEqual([
      { Name: 'DEVICE_ID', SqlType: 'VARCHAR(16)', Mapping: '$.device_id' },
      { Name: 'TEMPERATURE', SqlType: 'REAL', Mapping: '$.temperature' },
    ]);
    expect(w.command(updateCode('empty', 2, 'CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (DEVICE_ID VARCHAR(16));')).ok).toBe(true);
    expect(describeApp(w, 'empty').ApplicationVersionId).toBe(3);
  });
});
