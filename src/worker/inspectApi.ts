/**
 * One worker entry point for every on-demand read (the inspector, the record
 * trace, the S3 treemap, the hot-shard and cost panels, the video view): a
 * query as data in, the engine's answer (sim.inspect.*) or its error as data
 * out. The queries themselves live in the engine (src/engine/inspect); this
 * only dispatches. Nothing here advances time or changes the simulation.
 */
import type { HotShardReport, ProducerInfo, Simulation } from '../engine';
import { attempt } from './attempt';
import type { CommandResult } from './protocol';
import type { ConsumerDetail, CostSnap, FirehoseDetail, PrefixNode, RecordSummary, RecordTrace, VideoView } from './inspectProtocol';

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
  | { type: 'video'; stream?: string; behindMs?: number; follow?: string };

/** Answers one query against the simulation. */
export function inspect<Q extends InspectQuery>(sim: Simulation, q: Q): CommandResult<InspectAnswers[Q['type']]> {
  const i = sim.inspect;
  const run = (): unknown => {
    switch (q.type) {
      case 'recentRecords':
        return i.recentRecords(q.stream, q.shardId, q.limit);
      case 'findRecordByKey':
        return i.findRecordByKey(q.stream, q.key);
      case 'traceRecord':
        return i.traceRecord(q.stream, q.shardId, q.sequenceNumber);
      case 's3Tree':
        return i.s3Tree(q.bucket);
      case 'firehoseDetail':
        return i.firehoseDetail(q.name);
      case 'consumerDetail':
        return i.consumerDetail(q.id);
      case 'hotShards':
        return i.hotShards(q.stream, q.windowMs);
      case 'cost':
        return i.cost();
      case 'video':
        return i.video(q.stream, q.behindMs, q.follow);
      case 'producerDetail':
        return i.producerDetail(q.id);
    }
  };
  return attempt(run) as CommandResult<InspectAnswers[Q['type']]>;
}
