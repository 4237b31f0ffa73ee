/**
 * A registered enhanced fan-out consumer [BC-K RegisterStreamConsumer]: its
 * ARN ends with the creation time in epoch seconds, so a re-created consumer
 * gets a new ARN.
 */
import type { ConsumerStatus } from './types';

export interface ConsumerState {
  name: string;
  arn: string;
  status: ConsumerStatus;
  createdAt: number;
  streamArn: string;
}

/** The consumer ARN: <stream ARN>/consumer/<name>:<creation epoch seconds>. */
export function consumerArnOf(streamArn: string, name: string, createdAt: number): string {
  return `${streamArn}/consumer/${name}:${Math.floor(createdAt / 1000)}`;
}
