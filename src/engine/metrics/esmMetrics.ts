/**
 * Lambda's metrics of Kinesis event source mappings (namespace AWS/Lambda) at
 * 1-second resolution: IteratorAge, the age of the last record of each batch
 * when the function is invoked (dimension FunctionName, Maximum), and the
 * event source mapping event counts PolledEventCount, InvokedEventCount,
 * FailedInvokeEventCount, DroppedEventCount and
 * OnFailureDestinationDeliveredEventCount (dimension EventSourceMappingUUID,
 * Sum) [Lambda DG monitoring-metrics-types]. Invocations, Errors and Duration
 * stay in the function's own series (sim.lambda.metrics). Fixed memory: a
 * SecondRing of one hour per mapping.
 */
import type { EsmMetricName } from '../traffic/trafficService';
import { SecondRing } from './secondRing';

/** The metrics and what each means, for the UI. */
export const ESM_METRICS: Record<EsmMetricName, string> = {
  IteratorAge: 'Age (ms) of the last record of a batch when the function was invoked: how far the mapping is behind.',
  PolledEventCount: 'Records the mapping read from the stream.',
  InvokedEventCount: 'Records in batches the function was invoked with (retries count again).',
  FailedInvokeEventCount: 'Records in invocations that failed.',
  DroppedEventCount: 'Records given up after MaximumRetryAttempts or MaximumRecordAgeInSeconds.',
  OnFailureDestinationDeliveredEventCount: 'Records whose batch bounds were sent to the on-failure destination.',
};
const NAMES = Object.keys(ESM_METRICS) as EsmMetricName[];
const IDX = Object.fromEntries(NAMES.map((n, i) => [n, i])) as Record<EsmMetricName, number>;
const AGE = IDX.IteratorAge;

/** One hour of seconds per mapping. */
export const ESM_SECONDS = 3600;

interface MappingSeries {
  functionName: string;
  ring: SecondRing;
  /** Values reported for the second being collected (NaN: none). */
  pending: Float64Array;
}

/** Per-mapping Lambda ESM series (AWS/Lambda namespace), one ring of seconds per mapping. */
export class EsmMetrics {
  private mappings = new Map<string, MappingSeries>();

  private seriesOf(uuid: string, functionName: string): MappingSeries {
    let m = this.mappings.get(uuid);
    if (m === undefined) {
      m = { functionName, ring: new SecondRing(NAMES.length, ESM_SECONDS), pending: new Float64Array(NAMES.length).fill(NaN) };
      this.mappings.set(uuid, m);
    }
    return m;
  }

  /** Adds a count, or keeps the largest IteratorAge, for the second being collected. */
  report(mapping: { uuid: string; functionName: string }, metric: EsmMetricName, value: number): void {
    const p = this.seriesOf(mapping.uuid, mapping.functionName).pending, i = IDX[metric];
    if (Number.isNaN(p[i])) p[i] = value;
    else p[i] = i === AGE ? Math.max(p[i], value) : p[i] + value;
  }

  /** Closes the second ending at `now`: every mapping that reported writes its values (counts not reported are 0). */
  sample(now: number): void {
    const sec = Math.floor(now / 1000) - 1;
    for (const m of this.mappings.values()) {
      const slot = m.ring.begin(sec);
      for (let i = 0; i < NAMES.length; i++) {
        const v = m.pending[i];
        m.ring.set(i, slot, i === AGE ? v : Number.isNaN(v) ? 0 : v);
        m.pending[i] = NaN;
      }
    }
  }

  /**
   * One value per second over [from, to) (epoch ms): of one mapping (`uuid`),
   * or of every mapping of a function (`functionName`: Maximum for IteratorAge, Sum otherwise).
   */
  series(q: { uuid?: string; functionName?: string; metric: EsmMetricName; from: number; to: number }): { start: number; periodMs: number; values: Float64Array } {
    const fromSec = Math.floor(q.from / 1000), toSec = Math.ceil(q.to / 1000);
    const out = new Float64Array(Math.max(0, toSec - fromSec)).fill(NaN);
    const i = IDX[q.metric];
    for (const [uuid, m] of this.mappings) {
      if (q.uuid !== undefined ? uuid !== q.uuid : m.functionName !== q.functionName) continue;
      for (let k = 0; k < out.length; k++) {
        const v = m.ring.at(i, fromSec + k);
        if (Number.isNaN(v)) continue;
        out[k] = Number.isNaN(out[k]) ? v : i === AGE ? Math.max(out[k], v) : out[k] + v;
      }
    }
    return { start: fromSec * 1000, periodMs: 1000, values: out };
  }

  /** Forgets a deleted mapping. */
  forget(uuid: string): void {
    this.mappings.delete(uuid);
  }
}
