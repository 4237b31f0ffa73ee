/** Every mission, in the order the mission list shows them. */
import type { Mission } from '../missionTypes';
import { STREAM_MISSIONS } from './streamMissions';
import { CONSUMER_MISSIONS } from './consumerMissions';
import { FIREHOSE_MISSIONS } from './firehoseMissions';

export const MISSIONS: readonly Mission[] = [...STREAM_MISSIONS, ...CONSUMER_MISSIONS, ...FIREHOSE_MISSIONS];

/** The mission with this id, or undefined. */
export function findMission(id: string): Mission | undefined {
  return MISSIONS.find((m) => m.id === id);
}
