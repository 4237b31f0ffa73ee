/**
 * One worker entry point for every on-demand read (the inspector, the record
 * trace, the S3 treemap, the hot-shard and cost panels): a query as data in,
 * the answer or the engine's error as data out. Nothing here advances time or
 * changes the simulation.
 */
import type { Simulation } from '../engine';
import type { HotShardReport } from '../engine/traffic/hotShards';
import type { ProducerInfo } from '../engine/traffic/producers/producerConfig';
import { attempt } from './attempt';
import type { CommandResult } from './protocol';
import type { ConsumerDetail, CostSnap, FirehoseDetail, PrefixNode, RecordSummary, RecordTrace } from './inspectProtocol';
import { findRecordByKey, recentRecords, traceRecord } from './recordTrace';
import { consumerDetail, costSnap, firehoseDetail, hotShards, s3Tree } from './inspectQueries';
import { videoView, type VideoView } from './videoQuery';

/** The queries and what each answers. */
export interface InspectAnswers {
  recentRecords: RecordSummary[];
  findRecordByKey: RecordSummary | null;
  traceRecord: RecordTrace;
  s3Tree: PrefixNode;
  firehoseDetail: FirehoseDetail;
  consumerDetail: ConsumerDetail;
  hotShards: HotShardReport;
  cost: CostSnap;
  producerDetail: ProducerInfo;
  video: VideoView;
}

export type InspectQuery =
  | { type: 'recentRecords'; stream: string; shardId: string; limit?: number }
  | { type: 'findRecordByKey'; stream: string; key: string }
  | { type: 'traceRecord'; stream: string; shardId: string; sequenceNumber: string }
  /** `objectCount`: the count the asker shows, so the answer is asked for again whenever it changes. */
  | { type: 's3Tree'; bucket: string; objectCount?: number }
  | { type: 'firehoseDetail'; name: string }
  | { type: 'consumerDetail'; id: string }
  | { type: 'hotShards'; stream: string; windowMs?: number }
  | { type: 'cost' }
  | { type: 'producerDetail'; id: string }
  | { type: 'video'; stream?: string; behindMs?: number };

/** Answers one query against the simulation. */
export function inspect<Q extends InspectQuery>(sim: Simulation, q: Q): CommandResult<InspectAnswers[Q['type']]> {
  const run = (): unknown => {
    switch (q.type) {
      case 'recentRecords':
        return recentRecords(sim, q.stream, q.shardId, Math.min(100, Math.max(1, q.limit ?? 20)));
      case 'findRecordByKey':
        return findRecordByKey(sim, q.stream, q.key);
      case 'traceRecord':
        return traceRecord(sim, q.stream, q.shardId, q.sequenceNumber);
      case 's3Tree':
        return s3Tree(sim, q.bucket);
      case 'firehoseDetail':
        return firehoseDetail(sim, q.name);
      case 'consumerDetail':
        return consumerDetail(sim, q.id);
      case 'hotShards':
        return hotShards(sim, q.stream, q.windowMs);
      case 'cost':
        return costSnap(sim);
      case 'video':
        return videoView(sim, q.stream, Math.max(0, q.behindMs ?? 0));
      case 'producerDetail': {
        const p = sim.traffic.listProducers().find((x) => x.id === q.id);
        if (p === undefined) throw Object.assign(new Error(`Producer ${q.id} not found.`), { name: 'ResourceNotFoundException' });
        return JSON.parse(JSON.stringify(p)) as ProducerInfo;
      }
    }
  };
  return attempt(run) as CommandResult<InspectAnswers[Q['type']]>;
}
