/**
 * ListStreams: StreamInfo of every stream, optionally those whose name
 * BEGINS_WITH a value, MaxResults 1..10,000 per page with NextToken [BC-KV ListStreams].
 */
import { invalidArgument } from '../../core/errors';
import type { VideoContext } from '../context';
import { streamInfo, type StreamInfo } from '../streamModel';
import { VideoValidation } from '../validation';
import { decodePageToken, encodePageToken } from '../pageToken';

export interface ListStreamsInput {
  MaxResults?: number;
  NextToken?: string;
  StreamNameCondition?: { ComparisonOperator?: 'BEGINS_WITH'; ComparisonValue?: string };
}

export function listStreams(ctx: VideoContext, input: ListStreamsInput): { StreamInfoList: StreamInfo[]; NextToken?: string } {
  const v = new VideoValidation();
  v.int(input.MaxResults, 'maxResults', 1, 10000);
  v.str(input.NextToken, 'nextToken', 0, 512);
  v.oneOf(input.StreamNameCondition?.ComparisonOperator, 'streamNameCondition.comparisonOperator', ['BEGINS_WITH']);
  v.str(input.StreamNameCondition?.ComparisonValue, 'streamNameCondition.comparisonValue', 1, 256);
  v.throwIfAny();
  const prefix = input.StreamNameCondition?.ComparisonValue ?? '';
  const all = [...ctx.streams.values()].filter((s) => !s.deleted && s.name.startsWith(prefix));
  const start = input.NextToken === undefined ? 0 : decodePageToken(input.NextToken);
  if (start > all.length) throw invalidArgument('The NextToken is not valid.');
  const max = input.MaxResults ?? 10000;
  const page = all.slice(start, start + max);
  const out: { StreamInfoList: StreamInfo[]; NextToken?: string } = { StreamInfoList: page.map(streamInfo) };
  if (start + max < all.length) out.NextToken = encodePageToken(start + max);
  return out;
}
