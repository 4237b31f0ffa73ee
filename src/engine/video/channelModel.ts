/**
 * Signaling channels as state: SINGLE_MASTER (the type AWS supports), one
 * master connection [h] and up to 10 viewers [s], MessageTtlSeconds 5..120
 * (default 60) [BC-KV; WebRTC limits]. No media flows: connections are names.
 */
import { AwsError, invalidArgument, resourceNotFound } from '../core/errors';
import { MAX_VIEWERS } from './constants';
import type { VideoContext } from './context';
import type { SignalingChannelState } from './types';

/** ChannelInfo as DescribeSignalingChannel and ListSignalingChannels show it. */
export function channelInfo(c: SignalingChannelState) {
  return {
    ChannelName: c.name,
    ChannelARN: c.arn,
    ChannelType: c.type,
    ChannelStatus: c.status,
    CreationTime: c.creationTime,
    SingleMasterConfiguration: { MessageTtlSeconds: c.messageTtlSeconds },
    Version: c.version,
  };
}

/** The live channel by ChannelName or ChannelARN. */
export function resolveChannel(ctx: VideoContext, input: { ChannelName?: string; ChannelARN?: string }): SignalingChannelState {
  const { ChannelName: name, ChannelARN: arn } = input ?? {};
  if (name === undefined && arn === undefined) throw invalidArgument('Either ChannelName or ChannelARN must be specified.');
  let c: SignalingChannelState | undefined;
  if (name !== undefined) c = ctx.channels.get(name);
  else for (const x of ctx.channels.values()) if (x.arn === arn) c = x;
  if (c === undefined || c.deleted) throw resourceNotFound(`The requested channel ${name ?? arn} was not found.`);
  return c;
}

/** Connects a client to a channel as MASTER (one) or VIEWER (up to 10): ClientLimitExceededException beyond. */
export function connectToChannel(ctx: VideoContext, channel: string, role: 'MASTER' | 'VIEWER', client: string): SignalingChannelState {
  const c = resolveChannel(ctx, { ChannelName: channel });
  if (role === 'MASTER') {
    if (c.master !== null && c.master !== client) throw new AwsError('ClientLimitExceededException', `Channel ${c.name} already has a master connection (1 per channel).`);
    c.master = client;
  } else {
    if (c.viewers.includes(client)) return c;
    if (c.viewers.length >= MAX_VIEWERS) throw new AwsError('ClientLimitExceededException', `Channel ${c.name} already has ${MAX_VIEWERS} viewers, the most allowed.`);
    c.viewers.push(client);
  }
  return c;
}

/** Disconnects a client from a channel. */
export function disconnectFromChannel(ctx: VideoContext, channel: string, client: string): SignalingChannelState {
  const c = resolveChannel(ctx, { ChannelName: channel });
  if (c.master === client) c.master = null;
  c.viewers = c.viewers.filter((v) => v !== client);
  return c;
}
