/** What a preset is: a scenario with an id, a title and a "what to notice / what to try" paragraph. */
import { DEFAULT_START_TIME } from '../../engine';
import type { Scenario, ScenarioCommand, Topology } from '../types';

export interface Preset {
  id: string;
  title: string;
  /** One paragraph: what to notice, what to try. Shown as text. */
  explanation: string;
  scenario: Scenario;
}

/** The simulated account and Region every simulation uses by default (for ARNs in presets). */
export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';
export const streamArn = (name: string) => `arn:aws:kinesis:${REGION}:${ACCOUNT}:stream/${name}`;
export const bucketArn = (name: string) => `arn:aws:s3:::${name}`;
export const functionArn = (name: string) => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`;
/** 2025-06-01T00:00:00Z: before 2025-10-15, when AWS stopped creating SQL applications (legacy SQL presets start here). */
export const BEFORE_SQL_RETIREMENT = Date.UTC(2025, 5, 1);
export const ANALYTICS_ROLE = `arn:aws:iam::${ACCOUNT}:role/kinesis-analytics-role`;
export const FIREHOSE_ROLE = `arn:aws:iam::${ACCOUNT}:role/firehose-delivery-role`;

/**
 * Presets show per-shard load (the shard graph, hot shards, per-shard charts),
 * which AWS publishes only with enhanced monitoring on: so each preset enables
 * ALL shard-level metrics on its streams unless it lists its own
 * (`enhancedMonitoring: []` leaves them off, as a new stream on AWS has them).
 */
function withMonitoring(t: Topology): Topology {
  if (t.enhancedMonitoring !== undefined || (t.streams ?? []).length === 0) return t;
  return { ...t, enhancedMonitoring: (t.streams ?? []).map((s) => ({ StreamName: s.StreamName, ShardLevelMetrics: ['ALL'] })) };
}

export function definePreset(p: { id: string; title: string; explanation: string; seed?: number; startTime?: number; topology: Topology; commands?: ScenarioCommand[] }): Preset {
  return {
    id: p.id,
    title: p.title,
    explanation: p.explanation,
    scenario: {
      version: 1,
      name: p.title,
      description: p.explanation,
      seed: p.seed ?? 1,
      startTime: p.startTime ?? DEFAULT_START_TIME,
      topology: withMonitoring(p.topology),
      commands: p.commands ?? [],
      presetId: p.id,
    },
  };
}
