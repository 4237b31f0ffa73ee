/**
 * ListStreams: the account's streams in name order, Limit at a time (default
 * 100, at most 10,000), CREATING and DELETING ones included, with a summary of
 * each. Paging goes on from ExclusiveStartStreamName or from the NextToken of
 * the previous page; HasMoreStreams says whether more follow [BC-K ListStreams].
 */
import { invalidArgument, ValidationErrors } from '../../core/errors';
import type { KinesisContext } from '../context';
import { checkInt, checkStreamName, checkString } from '../validation';
import { decodePageToken, encodePageToken } from '../pageToken';
import { LIST_STREAMS_DEFAULT_LIMIT } from '../constants';
import type { ListStreamsInput, ListStreamsOutput } from '../types';

const TOKEN_KIND = 'KLS1';

export function listStreams(ctx: KinesisContext, input: ListStreamsInput): ListStreamsOutput {
  const v = new ValidationErrors();
  checkInt(v, input.Limit, 'limit', 1, 10000);
  checkStreamName(v, input.ExclusiveStartStreamName, 'exclusiveStartStreamName', false);
  checkString(v, input.NextToken, 'nextToken', 1, 1048576);
  v.throwIfAny();
  const secret = String(ctx.core.seed);
  // The token names the last stream of the previous page; it takes precedence over ExclusiveStartStreamName.
  let after = input.ExclusiveStartStreamName;
  if (input.NextToken !== undefined) {
    const fields = decodePageToken(input.NextToken, TOKEN_KIND, 1, secret);
    if (fields === undefined) throw invalidArgument(`Invalid NextToken: ${input.NextToken}`);
    after = fields[0];
  }
  const limit = input.Limit ?? LIST_STREAMS_DEFAULT_LIMIT;
  const names = [...ctx.streams.keys()].filter((n) => !ctx.streams.get(n)!.deleted && (after === undefined || n > after));
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const page = names.slice(0, limit);
  const hasMore = names.length > limit;
  const out: ListStreamsOutput = {
    StreamNames: page,
    HasMoreStreams: hasMore,
    StreamSummaries: page.map((n) => {
      const s = ctx.streams.get(n)!;
      return {
        StreamName: s.name,
        StreamARN: s.arn,
        StreamStatus: s.status,
        StreamModeDetails: { StreamMode: s.mode },
        StreamCreationTimestamp: s.createdAt,
      };
    }),
  };
  if (hasMore) out.NextToken = encodePageToken(TOKEN_KIND, [page[page.length - 1]], secret);
  return out;
}
