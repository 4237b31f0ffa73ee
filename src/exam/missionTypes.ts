/** What a mission is: a scenario to start from, a goal on the live simulation, hints, and the rule it teaches. */
import type { Scenario, ScenarioCommand } from '../scenarios/types';
import type { Condition } from './conditions';

/** The recurring exam themes (analytics-video-exam-facts.md §3), for scores per theme. */
export type ExamTheme =
  | 'hot-keys'
  | 'throughput-errors'
  | 'kpl'
  | 'kcl'
  | 'fan-out'
  | 'iterator-age-retention'
  | 'resharding'
  | 'capacity-modes'
  | 'lambda-esm'
  | 'firehose-buffering'
  | 'firehose-transform'
  | 'firehose-partitioning'
  | 'firehose-vs-streams'
  | 'ordering'
  | 'encryption'
  | 'duplicates'
  | 'analytics'
  | 'video';

/** Exam domains a mission or question serves. */
export type ExamDomain = 'DEA-C01 D1 Ingestion and Transformation' | 'DEA-C01 D3 Operations and Support' | 'DEA-C01 D4 Security and Governance' | 'SAA-C03 D3 High-Performing Architectures' | 'SAA-C03 D4 Cost-Optimized Architectures' | 'DVA-C02 D1 Development' | 'DVA-C02 D4 Troubleshooting and Optimization';

export const THEME_LABELS: Record<ExamTheme, string> = {
  'hot-keys': 'Hot partition keys',
  'throughput-errors': 'ProvisionedThroughputExceeded',
  kpl: 'KPL aggregation and collection',
  kcl: 'KCL and the lease table',
  'fan-out': 'Shared throughput and enhanced fan-out',
  'iterator-age-retention': 'Iterator age and retention',
  resharding: 'Resharding',
  'capacity-modes': 'On-demand and provisioned',
  'lambda-esm': 'Lambda event source mappings',
  'firehose-buffering': 'Firehose buffering',
  'firehose-transform': 'Firehose transforms and error output',
  'firehose-partitioning': 'Firehose dynamic partitioning',
  'firehose-vs-streams': 'Firehose or Data Streams',
  ordering: 'Ordering',
  encryption: 'Server-side encryption',
  duplicates: 'At-least-once and duplicates',
  analytics: 'Data Analytics and Flink',
  video: 'Video Streams',
};

export interface Mission {
  id: string;
  title: string;
  theme: ExamTheme;
  domain: ExamDomain;
  /** The task as the learner reads it. */
  brief: string;
  /** Where it starts: a scenario (built from a preset, changed for the mission). */
  scenario: Scenario;
  /** Every condition must hold at the same simulated second. */
  goal: Condition[];
  /** Simulated ms after the start within which the goal must be reached. */
  budgetMs: number;
  /** The goal cannot be met before this offset (a mission whose trouble starts later, e.g. a crash at 60 s). */
  earliestPassMs?: number;
  /** Unlocked one at a time. */
  hints: string[];
  /** Shown after success or on giving up: the AWS rule, in a paragraph. */
  explanation: string;
  /** The Limits tab row that holds the rule (its id in ui/views/limitRows.ts), when one does. */
  limitsRow?: string;
  /** The preset that shows the rule at work ("show me"). */
  presetId: string;
  /** A correct solution as scenario commands (at offsets from the start): the tests run it, and "show me a solution" applies it. */
  solution: ScenarioCommand[];
}
