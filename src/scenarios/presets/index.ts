/**
 * The preset scenarios, in the order the picker lists them. A preset is only
 * listed once every engine feature it needs has landed and it runs (see
 * tests/scenarios/presets.test.ts).
 */
import type { Preset } from './preset';
import type { Scenario } from '../types';
import { telemetryDefault } from './telemetryDefault';
import { iotDeviceId } from './iotDeviceId';
import { customerIdHeavy } from './customerIdHeavy';
import { transactionId } from './transactionId';
import { logLevelHotShard } from './logLevelHotShard';
import { serverId } from './serverId';
import { hostnameTimestamp } from './hostnameTimestamp';
import { tradesBySymbol } from './tradesBySymbol';
import { constantKey } from './constantKey';
import { hotShardSplit } from './hotShardSplit';
import { kplAggregation } from './kplAggregation';
import { provisionedVsOnDemand } from './provisionedVsOnDemand';
import { pollingVsFanOut } from './pollingVsFanOut';
import { slowConsumerRetention } from './slowConsumerRetention';
import { reshardingKcl } from './reshardingKcl';
import { lambdaPoisonRecord } from './lambdaPoisonRecord';
import { firehoseCsvToJson } from './firehoseCsvToJson';
import { firehoseDynamicPartitioning } from './firehoseDynamicPartitioning';
import { clickstreamParquet } from './clickstreamParquet';
import { tweetsPipeline } from './tweetsPipeline';
import { analyticsAutoscaling, analyticsIdleShard, analyticsOrderTotals, analyticsRestartDuplicates, analyticsSensorAnomalies, analyticsStaggerVsTumbling } from './analyticsPresets';
import { smartHomeLabels } from './smartHomeLabels';
import { retentionZeroVs24h } from './retentionZeroVs24h';
import { elevenViewers } from './elevenViewers';
import { cameraOverIngestLimit } from './cameraOverIngestLimit';
import { faceSearchLambda } from './faceSearchLambda';

export type { Preset } from './preset';

export const PRESETS: readonly Preset[] = [
  telemetryDefault,
  iotDeviceId,
  customerIdHeavy,
  transactionId,
  logLevelHotShard,
  serverId,
  hostnameTimestamp,
  tradesBySymbol,
  constantKey,
  hotShardSplit,
  kplAggregation,
  provisionedVsOnDemand,
  pollingVsFanOut,
  slowConsumerRetention,
  reshardingKcl,
  lambdaPoisonRecord,
  firehoseCsvToJson,
  firehoseDynamicPartitioning,
  clickstreamParquet,
  tweetsPipeline,
  analyticsSensorAnomalies,
  analyticsOrderTotals,
  analyticsStaggerVsTumbling,
  analyticsIdleShard,
  analyticsRestartDuplicates,
  analyticsAutoscaling,
  smartHomeLabels,
  retentionZeroVs24h,
  elevenViewers,
  cameraOverIngestLimit,
  faceSearchLambda,
];

/** The scenario the app opens with. */
export const DEFAULT_PRESET_ID = 'telemetry-default';

/** A fresh copy of a preset's scenario, or undefined. */
export function presetScenario(id: string): Scenario | undefined {
  const p = PRESETS.find((x) => x.id === id);
  return p === undefined ? undefined : (JSON.parse(JSON.stringify(p.scenario)) as Scenario);
}

/** The default scenario (a fresh copy). */
export function defaultScenario(): Scenario {
  return presetScenario(DEFAULT_PRESET_ID)!;
}
