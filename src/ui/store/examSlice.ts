/**
 * Exam mode in the store: whether the exam panel is open and on which tab,
 * the mission being played (its view polled from the worker, which checks the
 * goal every simulated second), an opened instructor set, and the progress
 * kept in the browser.
 */
import type { StateCreator } from 'zustand';
import type { AppState } from './store';
import type { MissionView } from '../../worker/examHost';
import type { ExamSet } from '../../exam/examSet';
import { ExamProgressStore, type ExamProgress } from '../storage/examProgress';

export type ExamTab = 'missions' | 'questions' | 'practice' | 'sets';

export interface ExamSlice {
  examOpen: boolean;
  examTab: ExamTab;
  /** The mission being played, as the worker last reported it. */
  mission: MissionView | null;
  missionId: string | null;
  /** An instructor set opened from a link. */
  examSet: ExamSet | null;
  progress: ExamProgress;
  openExam(tab?: ExamTab): void;
  closeExam(): void;
  setExamTab(tab: ExamTab): void;
  /** Opens a mission at its start (with its reference solution to watch it work). */
  startMission(id: string, withSolution?: boolean): Promise<boolean>;
  refreshMission(): Promise<void>;
  missionHint(): Promise<void>;
  missionGiveUp(): Promise<void>;
  leaveMission(): Promise<void>;
  openExamSet(set: ExamSet): void;
  recordPractice(scores: Parameters<ExamProgressStore['recordPractice']>[0]): void;
}

export const createExamSlice: StateCreator<AppState, [], [], ExamSlice> = (set, get) => {
  const storage = new ExamProgressStore();
  /** Keeps the outcome in the browser once a mission ends. */
  const remember = (v: MissionView | null) => {
    const prev = get().mission;
    if (v === null || prev === null || prev.status.state !== 'running' || v.status.state === 'running') return;
    const passed = v.status.state === 'passed';
    set({ progress: storage.recordMission(v.status.missionId, { passed, passedAtMs: v.status.passedAtMs, hintsUsed: v.status.hintsShown }) });
  };
  return {
    examOpen: false,
    examTab: 'missions',
    mission: null,
    missionId: null,
    examSet: null,
    progress: storage.load(),
    openExam: (tab) => set({ examOpen: true, ...(tab !== undefined ? { examTab: tab } : {}) }),
    closeExam: () => set({ examOpen: false }),
    setExamTab: (tab) => set({ examTab: tab }),
    startMission: async (id, withSolution = false) => {
      set({ busy: true });
      try {
        const r = await get().client.openMission(id, withSolution);
        if (!r.ok) {
          get().showError({ type: 'Mission', message: r.message ?? 'The mission could not be opened.' });
          return false;
        }
        set({ selected: null, eventLog: [], series: null, missionId: id, examOpen: true, examTab: 'missions', mission: await get().client.missionView() });
        return true;
      } finally {
        set({ busy: false });
      }
    },
    refreshMission: async () => {
      if (get().missionId === null) return;
      const v = await get().client.missionView();
      remember(v);
      set({ mission: v });
    },
    missionHint: async () => set({ mission: await get().client.missionHint() }),
    missionGiveUp: async () => {
      const v = await get().client.missionGiveUp();
      remember(v);
      set({ mission: v });
    },
    leaveMission: async () => {
      await get().client.stopMission();
      set({ mission: null, missionId: null });
    },
    openExamSet: (s) => set({ examSet: s, examOpen: true, examTab: 'sets' }),
    recordPractice: (scores) => set({ progress: storage.recordPractice(scores) }),
  };
};
