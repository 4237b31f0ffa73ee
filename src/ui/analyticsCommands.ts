/**
 * The analytics inspector's edits as scenario commands (kinesisanalyticsv2
 * requests [BC-KA2]): code, Flink parallelism, a SQL application's input and
 * outputs, snapshots, start, stop (Force) and snapshot. Like commands.ts these
 * builders only spell the requests: the scenario schema and the engine check
 * them, and a refused edit comes back with their message.
 */
import { ACCOUNT, functionArn, REGION, streamArn } from '../scenarios/presets/preset';
import type { Command } from '../worker/protocol';

const firehoseArn = (name: string) => `arn:aws:firehose:${REGION}:${ACCOUNT}:deliverystream/${name}`;
const cmd = (op: string, args: Record<string, unknown>): Command => ({ op: `analytics.${op}`, args });

export type DestinationKind = 'kinesis' | 'firehose' | 'lambda';

/** StartApplication (SQL applications start their input at NOW, as the console's default does). */
export function startApp(name: string, sqlInputIds: string[] = []): Command {
  return cmd('startApplication', sqlInputIds.length === 0
    ? { ApplicationName: name }
    : { ApplicationName: name, RunConfiguration: { SqlRunConfigurations: sqlInputIds.map((id) => ({ InputId: id, InputStartingPositionConfiguration: { InputStartingPosition: 'NOW' } })) } });
}

/** StopApplication; Force stops without a snapshot [BC-KA2]. */
export function stopApp(name: string, force: boolean): Command {
  return cmd('stopApplication', force ? { ApplicationName: name, Force: true } : { ApplicationName: name });
}

/** CreateApplicationSnapshot (Flink applications that are RUNNING). */
export function snapshotApp(name: string, snapshotName: string): Command {
  return cmd('createApplicationSnapshot', { ApplicationName: name, SnapshotName: snapshotName });
}

/** UpdateApplication of the code (TextContentUpdate). */
export function updateCode(name: string, versionId: number, code: string): Command {
  return cmd('updateApplication', { ApplicationName: name, CurrentApplicationVersionId: versionId, ApplicationConfigurationUpdate: { ApplicationCodeConfigurationUpdate: { CodeContentUpdate: { TextContentUpdate: code } } } });
}

/**
 * UpdateApplication of a Flink application's ParallelismConfiguration: CUSTOM
 * with the three values (they only take effect with CUSTOM), or DEFAULT
 * (parallelism 1, 1 per KPU, autoscaling on) [BC-KA2 ParallelismConfigurationUpdate].
 */
export function updateParallelism(name: string, versionId: number, p: { parallelism: number; perKpu: number; autoScaling: boolean } | 'DEFAULT'): Command {
  const pu = p === 'DEFAULT'
    ? { ConfigurationTypeUpdate: 'DEFAULT' }
    : { ConfigurationTypeUpdate: 'CUSTOM', ParallelismUpdate: p.parallelism, ParallelismPerKPUUpdate: p.perKpu, AutoScalingEnabledUpdate: p.autoScaling };
  return cmd('updateApplication', { ApplicationName: name, CurrentApplicationVersionId: versionId, ApplicationConfigurationUpdate: { FlinkApplicationConfigurationUpdate: { ParallelismConfigurationUpdate: pu } } });
}

/** UpdateApplication of ApplicationSnapshotConfiguration (Flink). */
export function updateSnapshots(name: string, versionId: number, enabled: boolean): Command {
  return cmd('updateApplication', { ApplicationName: name, CurrentApplicationVersionId: versionId, ApplicationConfigurationUpdate: { ApplicationSnapshotConfigurationUpdate: { SnapshotsEnabledUpdate: enabled } } });
}

/** UpdateApplication of a SQL input's InputParallelism (in-application streams SOURCE_SQL_STREAM_001..n). */
export function updateInputParallelism(name: string, versionId: number, inputId: string, count: number): Command {
  return cmd('updateApplication', { ApplicationName: name, CurrentApplicationVersionId: versionId, ApplicationConfigurationUpdate: { SqlApplicationConfigurationUpdate: { InputUpdates: [{ InputId: inputId, InputParallelismUpdate: { CountUpdate: count } }] } } });
}

/**
 * Reads "NAME TYPE, NAME TYPE" into RecordColumns, each mapped from the JSON
 * field of the lower-cased name ($.name); undefined when a column lacks a type.
 */
export function parseColumns(text: string): Array<{ Name: string; SqlType: string; Mapping: string }> | undefined {
  const parts = text.split(/,(?![^(]*\))/).map((p) => p.trim()).filter((p) => p !== '');
  const out: Array<{ Name: string; SqlType: string; Mapping: string }> = [];
  for (const p of parts) {
    const m = /^("?)([A-Za-z_][A-Za-z0-9_]*)\1\s+(.+)$/.exec(p);
    if (m === null) return undefined;
    out.push({ Name: m[2].toUpperCase(), SqlType: m[3].trim().toUpperCase(), Mapping: `$.${m[2].toLowerCase()}` });
  }
  return out.length === 0 ? undefined : out;
}

/** AddApplicationInput: a JSON streaming source on a Kinesis stream (SQL applications have one) [BC-KA2]. */
export function addInput(name: string, versionId: number, i: { namePrefix: string; stream: string; columns: Array<{ Name: string; SqlType: string; Mapping: string }>; parallelism: number }): Command {
  return cmd('addApplicationInput', {
    ApplicationName: name,
    CurrentApplicationVersionId: versionId,
    Input: {
      NamePrefix: i.namePrefix,
      KinesisStreamsInput: { ResourceARN: streamArn(i.stream) },
      InputParallelism: { Count: i.parallelism },
      InputSchema: { RecordFormat: { RecordFormatType: 'JSON', MappingParameters: { JSONMappingParameters: { RecordRowPath: '$' } } }, RecordEncoding: 'UTF-8', RecordColumns: i.columns },
    },
  });
}

/** AddApplicationOutput: an in-application stream written to a stream, a delivery stream or a function (up to 3) [BC-KA2]. */
export function addOutput(name: string, versionId: number, o: { streamName: string; kind: DestinationKind; target: string; format: 'JSON' | 'CSV' }): Command {
  const dest = o.kind === 'kinesis'
    ? { KinesisStreamsOutput: { ResourceARN: streamArn(o.target) } }
    : o.kind === 'firehose'
      ? { KinesisFirehoseOutput: { ResourceARN: firehoseArn(o.target) } }
      : { LambdaOutput: { ResourceARN: functionArn(o.target) } };
  return cmd('addApplicationOutput', { ApplicationName: name, CurrentApplicationVersionId: versionId, Output: { Name: o.streamName, ...dest, DestinationSchema: { RecordFormatType: o.format } } });
}

/** DeleteApplicationOutput by OutputId. */
export function deleteOutput(name: string, versionId: number, outputId: string): Command {
  return cmd('deleteApplicationOutput', { ApplicationName: name, CurrentApplicationVersionId: versionId, OutputId: outputId });
}
