import { describe, it, expect, beforeEach } from 'vitest';
import { createAppStore, getInitialState, type AppStore } from '../../src/ui/store/store';
import type { SimClient } from '../../src/ui/store/client';
import type { Command, ShardSnap, Snapshot, StreamSnap } from '../../src/worker/protocol';
import { adjacentShards, filterEvents, formatSimTime, hashKeyAtFraction, hotShards, hotSummary, midpointHashKey, placeKey, selectHotShards, selectSelectedShard } from '../../src/ui/store/selectors';
import { appendEvents } from '../../src/ui/store/simSlice';

const HALF = '170141183460469231731687303715884105728';
function shard(id: string, start: string, end: string, over: Partial<ShardSnap> = {}): ShardSnap {
  return { id, start, end, startFrac: 0, endFrac: 1, open: true, recordsPerSec: 0, bytesPerSec: 0, throttledPerSec: 0, writeUse: 0, share: 0, expectedShare: 0, hot: false, totalRecords: 0, totalThrottled: 0, ...over };
}
const stream: StreamSnap = {
  name: 's',
  arn: 'arn',
  status: 'ACTIVE',
  mode: 'PROVISIONED',
  retentionHours: 24,
  openShardCount: 2,
  heat: { windowMs: 10000, fromMs: 1767225590000, toMs: 1767225600000, seconds: 10 },
  recordsPerSec: 1150,
  bytesPerSec: 0,
  shards: [
    shard('shardId-000000000000', '0', (BigInt(HALF) - 1n).toString(), { writeUse: 0.95, recordsPerSec: 950, hot: true }),
    shard('shardId-000000000001', HALF, '340282366920938463463374607431768211455', { writeUse: 0.2 }),
  ],
};
function snapshot(over: Partial<Snapshot> = {}): Snapshot {
  return { time: 1767225600000, seed: '1', playing: false, speed: 1, effectiveSpeed: 0, streams: [stream], producers: [], consumers: [], firehoses: [], buckets: [], keyMarks: [], events: [], ...over };
}

function fakeClient() {
  const sent: Array<Command | string> = [];
  const client: SimClient = {
    play: async () => void sent.push('play'),
    pause: async () => void sent.push('pause'),
    step: async () => void sent.push('step'),
    setSpeed: async (s) => (s > 10000 ? { ok: false, error: { type: 'ValidationException', message: 'too fast' } } : { ok: true, value: s }),
    jump: async (ms) => void sent.push(`jump ${ms}`),
    reset: async (seed) => void sent.push(`reset ${seed}`),
    command: async (cmd) => {
      sent.push(cmd);
      return cmd.op === 'kinesis.splitShard' ? { ok: false, error: { type: 'InvalidArgumentException', message: 'NewStartingHashKey 1 used in SplitShard() ...' } } : { ok: true, value: {} };
    },
    listObjects: async () => ({ ok: true, value: { prefixes: [], objects: [] } }),
    getObject: async () => ({ ok: false, error: { type: 'NoSuchKey', message: 'The specified key does not exist.' } }),
    query: async () => ({ ok: false, error: { type: 'ResourceNotFoundException', message: 'not in the fake' } }),
    open: async (f) => {
      sent.push(`open ${f}`);
      return { ok: false, message: 'The link could not be read. The default scenario is shown instead.', source: 'default' };
    },
    openPreset: async (id) => {
      sent.push(`preset ${id}`);
      return id === 'nope' ? { ok: false, message: 'There is no preset "nope".', source: 'preset' } : { ok: true, source: 'preset' };
    },
    openScenario: async () => ({ ok: true, source: 'file' }),
    seek: async (ms) => void sent.push(`seek ${ms}`),
    fork: async () => {
      sent.push('fork');
      return 2;
    },
    scenario: async () => {
      throw new Error('not in the fake');
    },
    shareFragment: async () => ({ ok: true, fragment: '#p=hot-shard-split&t=0' }),
    openMission: async (id) => {
      sent.push(`mission ${id}`);
      return { ok: true, source: 'preset' };
    },
    stopMission: async () => void sent.push('stop mission'),
    missionView: async () => null,
    missionHint: async () => null,
    missionGiveUp: async () => null,
    liveQuestion: async () => ({ ok: false, message: 'not in the fake' }),
    answerPutRecords: async () => ({ answer: -1, why: 'not in the fake' }),
  };
  return { client, sent };
}

describe('app store', () => {
  let store: AppStore;
  let sent: Array<Command | string>;
  beforeEach(() => {
    const f = fakeClient();
    store = createAppStore(f.client);
    sent = f.sent;
  });

  it('starts from getInitialState, the slices\' initial values', () => {
    const initial = {
      snapshot: null,
      series: null,
      scenario: null,
      busy: false,
      eventLog: [],
      frames: 0,
      playing: false,
      speed: 1,
      seed: '1',
      selected: null,
      view: 'hashline',
      partitionKey: '',
      eventFilter: 'all',
      eventText: '',
      message: null,
      recordRef: null,
      s3Target: null,
      examOpen: false,
      examTab: 'missions',
      mission: null,
      missionId: null,
      examSet: null,
      progress: { missions: {}, practice: {} },
    };
    expect(getInitialState()).toEqual(initial);
    const s = store.getState();
    expect(Object.fromEntries(Object.keys(initial).map((k) => [k, s[k as keyof typeof s]]))).toEqual(initial);
  });

  it('applySnapshot keeps the last series when a snapshot carries none, and appends events', () => {
    const series = { times: new Float64Array([1]) } as never;
    store.getState().applySnapshot(snapshot({ series, events: [{ seq: 0, time: 1, type: 'shardSplit', text: 'a' }] }));
    store.getState().applySnapshot(snapshot({ events: [{ seq: 1, time: 2, type: 'throttled', text: 'b' }] }));
    expect(store.getState().series).toBe(series);
    expect(store.getState().eventLog.map((e) => e.seq)).toEqual([0, 1]);
    expect(store.getState().frames).toBe(2);
  });

  it('play, pause and jump go to the worker', () => {
    store.getState().togglePlay();
    expect(store.getState().playing).toBe(true);
    store.getState().togglePlay();
    store.getState().jump(3_600_000);
    expect(sent).toEqual(['play', 'pause', 'jump 3600000']);
  });

  it('shows the engine error text when a command is refused', async () => {
    const ok = await store.getState().run({ op: 'kinesis.splitShard', args: { StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '1' } });
    expect(ok).toBe(false);
    expect(store.getState().message).toEqual({ kind: 'error', title: 'InvalidArgumentException', text: 'NewStartingHashKey 1 used in SplitShard() ...' });
  });

  it('keeps the old speed when the worker refuses a new one', async () => {
    await store.getState().setSpeed(20000);
    expect(store.getState().speed).toBe(1);
    expect(store.getState().message?.text).toBe('too fast');
    await store.getState().setSpeed(100);
    expect(store.getState().speed).toBe(100);
  });

  it('reset clears the log and selection and sends the seed', () => {
    store.getState().select({ kind: 'producer', id: 'p' });
    store.getState().reset('abc');
    expect(store.getState()).toMatchObject({ seed: 'abc', selected: null, eventLog: [] });
    expect(sent).toEqual(['reset abc']);
  });
});

describe('selectors', () => {
  it('selectHotShards lists the shards the engine marked hot, and the header says so with its window', () => {
    const f = fakeClient();
    const store = createAppStore(f.client);
    store.getState().applySnapshot(snapshot());
    expect(selectHotShards(store.getState()).map((s) => s.id)).toEqual(['shardId-000000000000']);
    expect(hotShards(undefined)).toEqual([]);
    expect(hotSummary([stream])).toBe('Hot: shardId-000000000000 (95%), last 10 s');
    expect(hotSummary([{ ...stream, shards: stream.shards.map((s) => ({ ...s, hot: false })) }])).toBe('No hot shard.');
  });

  it('selectSelectedShard returns the selected shard and its stream', () => {
    const store = createAppStore(fakeClient().client);
    store.getState().applySnapshot(snapshot());
    store.getState().select({ kind: 'shard', stream: 's', shardId: 'shardId-000000000001' });
    expect(selectSelectedShard(store.getState())?.shard.id).toBe('shardId-000000000001');
  });

  it('midpointHashKey is the even midpoint AWS documents for splitting in half', () => {
    expect(midpointHashKey(shard('x', '0', '340282366920938463463374607431768211455'))).toBe(HALF);
    expect(hashKeyAtFraction(shard('x', '0', '1000000'), 0.25)).toBe('250000');
  });

  it('adjacentShards lists only open shards whose ranges touch', () => {
    expect(adjacentShards(stream, stream.shards[0]).map((s) => s.id)).toEqual(['shardId-000000000001']);
    const three: StreamSnap = { ...stream, shards: [...stream.shards, shard('shardId-000000000002', '5', '9', { open: false })] };
    expect(adjacentShards(three, three.shards[1]).map((s) => s.id)).toEqual(['shardId-000000000000']);
  });

  it('placeKey gives MD5 hex, decimal and the owning shard', () => {
    const p = placeKey(stream, 'INFO')!;
    expect(p.md5Hex).toMatch(/^[0-9a-f]{32}$/);
    expect(p.decimal).toBe(BigInt('0x' + p.md5Hex).toString());
    expect(p.shard?.id).toBe(BigInt(p.decimal) < BigInt(HALF) ? 'shardId-000000000000' : 'shardId-000000000001');
    expect(placeKey(stream, 'a')!.md5Hex).toBe('0cc175b9c0f1b6a831c399e269772661');
    expect(placeKey(stream, 'a')!.shard?.id).toBe('shardId-000000000000');
    expect(placeKey(stream, '')).toBeNull();
  });

  it('filterEvents filters by kind and text, newest first', () => {
    const log = [
      { seq: 0, time: 1, type: 'throttled', text: 'x on shard 1' },
      { seq: 1, time: 2, type: 'shardSplit', text: 'split' },
      { seq: 2, time: 3, type: 'throttled', text: 'y on shard 2' },
    ];
    expect(filterEvents(log, 'throttled', '').map((e) => e.seq)).toEqual([2, 0]);
    expect(filterEvents(log, 'all', 'SHARD 2').map((e) => e.seq)).toEqual([2]);
  });

  it('appendEvents keeps the newest `capacity` entries', () => {
    const ev = (seq: number) => ({ seq, time: seq, type: 't', text: '' });
    expect(appendEvents([ev(0), ev(1)], [ev(2), ev(3)], 3).map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it('formatSimTime shows UTC to the second', () => {
    expect(formatSimTime(1767225600000)).toBe('2026-01-01 00:00:00 UTC');
  });
});
