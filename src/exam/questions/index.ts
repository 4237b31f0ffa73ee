/** The written question bank, every question tied to a preset that shows its answer. */
import type { BankQuestion } from './bankTypes';
import { STREAM_QUESTIONS } from './streamQuestions';
import { CONSUMER_QUESTIONS } from './consumerQuestions';
import { FIREHOSE_QUESTIONS } from './firehoseQuestions';

export type { BankQuestion } from './bankTypes';

export const QUESTION_BANK: readonly BankQuestion[] = [...STREAM_QUESTIONS, ...CONSUMER_QUESTIONS, ...FIREHOSE_QUESTIONS];

/** The question with this id, or undefined. */
export function findQuestion(id: string): BankQuestion | undefined {
  return QUESTION_BANK.find((x) => x.id === id);
}
