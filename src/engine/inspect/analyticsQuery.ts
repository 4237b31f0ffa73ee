/**
 * Analytics applications as the graph node and the window view draw them:
 * every figure is the engine's own (sim.analytics.view and the application's
 * CloudWatch-named metrics), only trimmed to what those views draw.
 */
import type { InspectSources } from './sources';
import type { AnalyticsConfigSnap, AnalyticsSnap } from './types';

/** The newest records and windows an answer carries (what the window view draws). */
const RECORDS_SHOWN = 400;
const WINDOWS_SHOWN = 60;

/** One AnalyticsSnap per live application, in name order. */
export function analyticsSnaps(sim: InspectSources): AnalyticsSnap[] {
  const out: AnalyticsSnap[] = [];
  const names = [...sim.analyticsContext.apps.values()].filter((a) => !a.deleted).map((a) => a.name).sort();
  for (const name of names) {
    const app = sim.analyticsContext.apps.get(name)!;
    const v = sim.analytics.view(name);
    const q = app.plan?.queries[0];
    const sql = app.runtime === 'SQL-1_0';
    const sources = sql ? app.inputs.map((i) => i.sourceName) : (app.plan?.sources.map((s) => s.stream) ?? []);
    const destinations = sql
      ? app.outputs.map((o) => ({ kind: o.kind, name: o.resourceArn.replace(/^.*(?:stream\/|deliverystream\/|function:)/, '') }))
      : (app.plan?.sinks.map((s) => ({ kind: s.kind, name: s.target })) ?? []);
    const second = Math.floor(sim.core.now() / 1000) * 1000 - 1000;
    out.push({
      name, runtime: app.runtime, status: v.status, kpus: v.kpus, versionId: app.versionId, sources, destinations,
      inputPerSec: app.metrics.aggregate("numRecordsIn", second, second + 1000),
      millisBehindLatest: v.millisBehindLatest, late: v.counters.numLateRecordsDropped, errors: v.counters.errorRows, duplicates: v.counters.duplicateRowsOut,
      queryKind: q?.kind ?? 'none',
      windowMs: q?.stepMs ?? q?.rangeMs ?? q?.tvf?.sizeMs ?? q?.session?.gapMs ?? 0,
      watermark: v.watermark, code: app.code,
      records: v.records.slice(-RECORDS_SHOWN).map((r) => ({ key: r.key, eventTs: r.eventTs, arrival: r.arrival, rowtime: r.rowtime, late: r.late })),
      windows: v.windows.slice(-WINDOWS_SHOWN).map((w) => ({ key: w.key, start: w.start, end: w.end, firedAt: w.firedAt, row: w.row })),
      config: configOf(sim, name),
    });
  }
  return out;
}

/** The editable configuration, read from DescribeApplication (the engine's one description) and the run's readers. */
function configOf(sim: InspectSources, name: string): AnalyticsConfigSnap {
  const d = sim.analytics.describeApplication({ ApplicationName: name }).ApplicationDetail;
  const cfg = d.ApplicationConfigurationDescription;
  const p = cfg.FlinkApplicationConfigurationDescription?.ParallelismConfigurationDescription;
  const sqlCfg = cfg.SqlApplicationConfigurationDescription;
  const target = (arn: string) => arn.replace(/^.*(?:stream\/|deliverystream\/|function:)/, '');
  const readers = sim.analytics.view(name).readers.map(({ stream, reader, consumerName, waiting }) => ({ stream, reader, ...(consumerName !== undefined ? { consumerName } : {}), ...(waiting !== undefined ? { waiting } : {}) }));
  return {
    ...(p !== undefined ? { parallelism: { configurationType: p.ConfigurationType, parallelism: p.Parallelism, perKpu: p.ParallelismPerKPU, current: p.CurrentParallelism, autoScaling: p.AutoScalingEnabled } } : {}),
    inputs: (sqlCfg?.InputDescriptions ?? []).map((i) => ({
      inputId: i.InputId, namePrefix: i.NamePrefix, parallelism: i.InputParallelism.Count,
      ...(i.KinesisStreamsInputDescription !== undefined ? { kind: 'kinesis' as const, source: target(i.KinesisStreamsInputDescription.ResourceARN) } : { kind: 'firehose' as const, source: target(i.KinesisFirehoseInputDescription?.ResourceARN ?? '') }),
    })),
    outputs: (sqlCfg?.OutputDescriptions ?? []).map((o) => ({
      outputId: o.OutputId, name: o.Name, format: o.DestinationSchema.RecordFormatType,
      ...(o.KinesisStreamsOutputDescription !== undefined ? { kind: 'kinesis' as const, target: target(o.KinesisStreamsOutputDescription.ResourceARN) }
        : o.KinesisFirehoseOutputDescription !== undefined ? { kind: 'firehose' as const, target: target(o.KinesisFirehoseOutputDescription.ResourceARN) }
          : { kind: 'lambda' as const, target: target(o.LambdaOutputDescription?.ResourceARN ?? '') }),
    })),
    snapshotsEnabled: cfg.ApplicationSnapshotConfigurationDescription?.SnapshotsEnabled ?? false,
    readers,
  };
}
