/**
 * Playback controls: play, pause, step, speed, jumps, reset and seed. The
 * worker owns the clock; this slice sends the commands and keeps what the
 * controls show until the next snapshot confirms it.
 */
import type { StateCreator } from 'zustand';
import type { AppState } from './store';

export const JUMPS = [
  { label: '+1 min', ms: 60_000 },
  { label: '+1 h', ms: 3_600_000 },
  { label: '+1 day', ms: 86_400_000 },
] as const;

export interface PlaybackSlice {
  playing: boolean;
  speed: number;
  seed: string;
  play(): void;
  pause(): void;
  togglePlay(): void;
  step(): void;
  setSpeed(speed: number): Promise<void>;
  jump(ms: number): void;
  reset(seed?: string): void;
}

export const createPlaybackSlice: StateCreator<AppState, [], [], PlaybackSlice> = (set, get) => ({
  playing: false,
  speed: 1,
  seed: '1',
  play: () => {
    set({ playing: true });
    void get().client.play();
  },
  pause: () => {
    set({ playing: false });
    void get().client.pause();
  },
  togglePlay: () => (get().playing ? get().pause() : get().play()),
  step: () => void get().client.step(),
  setSpeed: async (speed) => {
    const r = await get().client.setSpeed(speed);
    if (r.ok) set({ speed });
    else get().showError(r.error);
  },
  jump: (ms) => void get().client.jump(ms),
  reset: (seed) => {
    const s = seed ?? get().seed;
    set({ seed: s, eventLog: [], series: null, selected: null });
    void get().client.reset(s);
  },
});
