/**
 * What the person is looking at: the selected node, the open view, the
 * partition key typed into the hash-line view, event-log filters and the
 * last message (an engine error shown as text).
 */
import type { StateCreator } from 'zustand';
import type { CommandError } from '../../worker/protocol';
import type { AppState } from './store';

export type Selection =
  | { kind: 'stream'; stream: string }
  | { kind: 'shard'; stream: string; shardId: string }
  | { kind: 'producer'; id: string }
  | { kind: 'consumer'; id: string }
  | { kind: 'firehose'; name: string }
  | { kind: 'bucket'; name: string }
  | { kind: 'analytics'; name: string }
  | { kind: 'camera'; name: string }
  | { kind: 'videoStream'; name: string }
  | { kind: 'videoConsumer'; consumerKind: 'getMedia' | 'hls' | 'processor'; name: string };

export type ViewName = 'hashline' | 'charts' | 'hot' | 'record' | 's3' | 'events' | 'limits' | 'video';

/** The record the record inspector follows: a shard's record by sequence number, or the newest with a partition key. */
export type RecordRef = { stream: string; shardId: string; sequenceNumber: string } | { stream: string; key: string };

export interface Message {
  kind: 'error' | 'info';
  title: string;
  text: string;
}

export interface UiSlice {
  selected: Selection | null;
  view: ViewName;
  partitionKey: string;
  eventFilter: string;
  eventText: string;
  message: Message | null;
  recordRef: RecordRef | null;
  /** An object the S3 view should open (from the record inspector). */
  s3Target: { bucket: string; key: string } | null;
  select(sel: Selection | null): void;
  setView(view: ViewName): void;
  setPartitionKey(key: string): void;
  setEventFilter(filter: string): void;
  setEventText(text: string): void;
  showError(e: CommandError): void;
  showInfo(title: string, text: string): void;
  dismissMessage(): void;
  /** Opens the record inspector on a record. */
  followRecord(ref: RecordRef): void;
  /** Switches to the S3 view with an object open. */
  openS3Object(bucket: string, key: string): void;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  selected: null,
  view: 'hashline',
  partitionKey: '',
  eventFilter: 'all',
  eventText: '',
  message: null,
  recordRef: null,
  s3Target: null,
  select: (selected) => set({ selected }),
  setView: (view) => set({ view }),
  setPartitionKey: (partitionKey) => set({ partitionKey }),
  setEventFilter: (eventFilter) => set({ eventFilter }),
  setEventText: (eventText) => set({ eventText }),
  showError: (e) => set({ message: { kind: 'error', title: e.type, text: e.message } }),
  showInfo: (title, text) => set({ message: { kind: 'info', title, text } }),
  dismissMessage: () => set({ message: null }),
  followRecord: (recordRef) => set({ recordRef, view: 'record' }),
  openS3Object: (bucket, key) => set({ s3Target: { bucket, key }, view: 's3' }),
});
