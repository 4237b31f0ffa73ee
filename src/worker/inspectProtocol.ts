/**
 * What the inspector and the teaching views ask the worker on demand (not
 * every frame): the engine's inspection answers (sim.inspect.*), named here
 * for the UI. Plain, structured-clone-safe data.
 */
export type {
  RecordSummary,
  ReaderProgress,
  FirehoseProgress,
  RecordTrace,
  PrefixNode,
  FirehoseDetail,
  ConsumerDetail,
  CostSnap,
  TimelineBlock,
  VideoView,
} from '../engine';
