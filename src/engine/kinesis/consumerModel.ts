/**
 * A registered enhanced fan-out consumer [BC-K RegisterStreamConsumer]: its
 * ARN ends with the creation time in epoch seconds, so a re-created consumer
 * gets a new ARN.
 */
import type { ConsumerStatus } from './types';

/** What a consumer knows of one SubscribeToShard subscription (see efoSubscription.ts). */
export interface ActiveSubscription {
  /** Simulated time of the successful SubscribeToShard call that opened it. */
  readonly startedAt: number;
  readonly ended: boolean;
  /** Ends the subscription (a newer call took over, the consumer went away...). */
  finish(reason: string, error?: { type: string; message: string }): void;
}

export interface ConsumerState {
  name: string;
  arn: string;
  status: ConsumerStatus;
  createdAt: number;
  streamArn: string;
  /** Tags by key (TagResource with the consumer ARN, or RegisterStreamConsumer's Tags). */
  tags: Record<string, string>;
  /** The resource-based policy (PutResourcePolicy), stored as given; never evaluated. */
  resourcePolicy?: string;
  /** The latest subscription per shard id (for the 5-second rule and take-over). */
  subscriptions: Map<string, ActiveSubscription>;
}

/** The consumer ARN: <stream ARN>/consumer/<name>:<creation epoch seconds>. */
export function consumerArnOf(streamArn: string, name: string, createdAt: number): string {
  return `${streamArn}/consumer/${name}:${Math.floor(createdAt / 1000)}`;
}
