/**
 * ListStreamConsumers: the consumers registered with a stream, in registration
 * order, MaxResults (1..10000, default 100) per page; NextToken continues a
 * listing and expires after 300 s (ExpiredNextTokenException) [BC-K].
 */
import { AwsError, invalidArgument, ValidationErrors } from '../../core/errors';
import { findStream, type KinesisContext } from '../context';
import { checkInt, checkString } from '../validation';
import { checkStreamArn, consumerToAws } from '../consumerLookup';
import { decodePageToken, encodePageToken } from '../pageToken';
import { NEXT_TOKEN_TTL_MS } from '../constants';
import type { ListStreamConsumersInput, ListStreamConsumersOutput } from '../types';

/** Default page size [BC-K ListStreamConsumersInput MaxResults]. */
const DEFAULT_MAX_RESULTS = 100;
const TOKEN_KIND = 'KLC1';

export function listStreamConsumers(ctx: KinesisContext, input: ListStreamConsumersInput): ListStreamConsumersOutput {
  const v = new ValidationErrors();
  checkStreamArn(v, input.StreamARN, true);
  checkInt(v, input.MaxResults, 'maxResults', 1, 10000);
  checkString(v, input.NextToken, 'nextToken', 1, 1048576);
  v.throwIfAny();
  const s = findStream(ctx, { StreamARN: input.StreamARN });
  const secret = String(ctx.core.seed);
  const now = ctx.core.now();
  const all = [...s.consumers.values()];
  let from = 0;
  if (input.NextToken !== undefined) {
    const f = decodePageToken(input.NextToken, TOKEN_KIND, 4, secret);
    if (f === undefined || f[0] !== s.name) throw invalidArgument(`Invalid NextToken: ${input.NextToken}`);
    if (now - Number(f[3]) > NEXT_TOKEN_TTL_MS) {
      throw new AwsError('ExpiredNextTokenException', `The NextToken has expired. It was issued at ${f[3]} and is valid for ${NEXT_TOKEN_TTL_MS} milliseconds.`);
    }
    // Resume after the last consumer listed; if it was deregistered meanwhile,
    // after the consumers registered no later than it (registration order is creation order).
    const at = all.findIndex((c) => c.name === f[1]);
    from = at >= 0 ? at + 1 : all.findIndex((c) => c.createdAt > Number(f[2]));
    if (from < 0) from = all.length;
  }
  const max = input.MaxResults ?? DEFAULT_MAX_RESULTS;
  const page = all.slice(from, from + max);
  const out: ListStreamConsumersOutput = { Consumers: page.map(consumerToAws) };
  if (from + max < all.length) {
    out.NextToken = encodePageToken(TOKEN_KIND, [s.name, page[page.length - 1].name, page[page.length - 1].createdAt, now], secret);
  }
  return out;
}
