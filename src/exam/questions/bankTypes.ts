/** A written exam-style question: our own wording, tied to a preset that shows the answer at work. */
import type { ExamDomain, ExamTheme } from '../missionTypes';

export interface BankQuestion {
  id: string;
  theme: ExamTheme;
  domain: ExamDomain;
  stem: string;
  options: string[];
  /** Index of the correct option. */
  answer: number;
  /** Why, naming the AWS rule. */
  why: string;
  /** The preset that demonstrates the answer ("show me"). */
  presetId: string;
  /** Where study material and today's AWS disagree: what older material says, and what holds now. */
  era?: { older: string; current: string };
}

/** Builds a question (keeps the bank files short). */
export function q(id: string, theme: ExamTheme, domain: ExamDomain, presetId: string, stem: string, options: string[], answer: number, why: string, era?: BankQuestion['era']): BankQuestion {
  return era === undefined ? { id, theme, domain, presetId, stem, options, answer, why } : { id, theme, domain, presetId, stem, options, answer, why, era };
}

export const D1 = 'DEA-C01 D1 Ingestion and Transformation' as const;
export const D3 = 'DEA-C01 D3 Operations and Support' as const;
export const D4 = 'DEA-C01 D4 Security and Governance' as const;
export const SAA = 'SAA-C03 D3 High-Performing Architectures' as const;
export const SAA_COST = 'SAA-C03 D4 Cost-Optimized Architectures' as const;
export const DVA = 'DVA-C02 D1 Development' as const;
export const DVA_T = 'DVA-C02 D4 Troubleshooting and Optimization' as const;
