/**
 * The CLI's automatic pagination (botocore's paginators-1.json for the
 * simulated operations): the CLI hides each paginated operation's input token
 * and page-size member, offers `--starting-token`, `--page-size` and
 * `--max-items` instead, and unless `--no-paginate` fetches every page and
 * joins the result keys into one answer.
 */

/** One operation's paginator: member names as in the API model. */
export interface Paginator {
  inputToken: string;
  /** Where the next token sits in the answer (a path; `StreamDescription.Shards[-1].ShardId` for DescribeStream). */
  outputToken: (page: Record<string, unknown>) => string | undefined;
  limitKey: string;
  /** Lists joined across pages (dotted paths). */
  resultKeys: readonly string[];
  /** Members sent on the first page only (ListShards refuses StreamName beside NextToken). */
  firstPageOnly?: readonly string[];
}

const at = (page: Record<string, unknown>, path: string): unknown => path.split('.').reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), page);
const token = (path: string, more?: string) => (page: Record<string, unknown>) => {
  if (more !== undefined && at(page, more) !== true) return undefined;
  const t = at(page, path);
  return typeof t === 'string' && t !== '' ? t : undefined;
};

/** Paginators by CLI service and operation. */
export const PAGINATORS: Readonly<Record<string, Readonly<Record<string, Paginator>>>> = {
  kinesis: {
    DescribeStream: {
      inputToken: 'ExclusiveStartShardId',
      outputToken: (page) => {
        const d = page.StreamDescription as { HasMoreShards?: boolean; Shards?: { ShardId: string }[] } | undefined;
        return d?.HasMoreShards === true && d.Shards !== undefined && d.Shards.length > 0 ? d.Shards[d.Shards.length - 1].ShardId : undefined;
      },
      limitKey: 'Limit',
      resultKeys: ['StreamDescription.Shards'],
    },
    ListStreams: { inputToken: 'NextToken', outputToken: token('NextToken', 'HasMoreStreams'), limitKey: 'Limit', resultKeys: ['StreamNames', 'StreamSummaries'] },
    ListShards: { inputToken: 'NextToken', outputToken: token('NextToken'), limitKey: 'MaxResults', resultKeys: ['Shards'], firstPageOnly: ['StreamName', 'StreamARN', 'ExclusiveStartShardId', 'StreamCreationTimestamp', 'ShardFilter'] },
    ListStreamConsumers: { inputToken: 'NextToken', outputToken: token('NextToken'), limitKey: 'MaxResults', resultKeys: ['Consumers'], firstPageOnly: ['StreamCreationTimestamp'] },
  },
  s3api: {
    ListObjectsV2: { inputToken: 'ContinuationToken', outputToken: token('NextContinuationToken'), limitKey: 'MaxKeys', resultKeys: ['Contents', 'CommonPrefixes'] },
  },
  lambda: {
    ListFunctions: { inputToken: 'Marker', outputToken: token('NextMarker'), limitKey: 'MaxItems', resultKeys: ['Functions'] },
  },
};

/** The paginator of an operation, if the CLI paginates it. */
export function paginatorOf(service: string, operation: string): Paginator | undefined {
  return PAGINATORS[service]?.[operation];
}

/** Page-control options the CLI adds to a paginated command (`--max-items` is not offered: its resume token wraps a truncation count). */
export interface PageOptions {
  startingToken?: string;
  pageSize?: number;
}

type Read = (input: Record<string, unknown>) => Promise<{ ok: true; value: unknown } | { ok: false; error: { type: string; message: string } }>;

/** Fetches every page with `read` (one with `noPaginate`) and joins the result keys, as the CLI prints a paginated answer. */
export async function paginate(p: Paginator, input: Record<string, unknown>, opts: PageOptions, noPaginate: boolean, read: Read): ReturnType<Read> {
  const first: Record<string, unknown> = { ...input };
  if (opts.pageSize !== undefined) first[p.limitKey] = opts.pageSize;
  if (opts.startingToken !== undefined) {
    first[p.inputToken] = opts.startingToken;
    for (const k of p.firstPageOnly ?? []) delete first[k];
  }
  const r = await read(first);
  if (!r.ok || noPaginate) return r;
  const result = structuredClone(r.value) as Record<string, unknown>;
  let page = r.value as Record<string, unknown>;
  for (let guard = 0; guard < 10_000; guard++) {
    const next = p.outputToken(page);
    if (next === undefined) break;
    const req: Record<string, unknown> = { ...first, [p.inputToken]: next };
    for (const k of p.firstPageOnly ?? []) delete req[k];
    const n = await read(req);
    if (!n.ok) return n;
    page = n.value as Record<string, unknown>;
    for (const k of p.resultKeys) {
      const more = at(page, k);
      if (!Array.isArray(more)) continue;
      const path = k.split('.');
      const parent = path.slice(0, -1).reduce<Record<string, unknown>>((o, seg) => (o[seg] ??= {}) as Record<string, unknown>, result);
      const last = path[path.length - 1];
      parent[last] = [...((parent[last] as unknown[] | undefined) ?? []), ...more];
    }
  }
  // The joined answer is the whole list: the last page's "more" markers describe it.
  for (const k of ['NextToken', 'NextContinuationToken', 'NextMarker']) delete result[k];
  if ('HasMoreStreams' in result) result.HasMoreStreams = false;
  if ('IsTruncated' in result) result.IsTruncated = false;
  const sd = result.StreamDescription as { HasMoreShards?: boolean } | undefined;
  if (sd?.HasMoreShards !== undefined) sd.HasMoreShards = false;
  return { ok: true, value: result };
}
