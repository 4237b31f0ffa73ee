/**
 * Asks the worker an on-demand question (record trace, prefix tree, settings,
 * hot shards, cost) and keeps the answer fresh: again whenever the query
 * changes, and every `refreshMs` of wall time while the component is shown.
 * An engine error comes back as data and is kept beside the last answer.
 */
import { useEffect, useState } from 'react';
import { useApp } from './store/store';
import type { CommandError } from '../worker/protocol';
import type { InspectAnswers, InspectQuery } from '../worker/inspectApi';

export interface QueryState<T> {
  data: T | null;
  error: CommandError | null;
  /** Asks again now. */
  refresh(): void;
}

/** `keep`: a new query keeps showing the last answer until its own arrives (no flicker when only a count in it changed). */
export function useQuery<Q extends InspectQuery>(q: Q | null, refreshMs = 1000, keep = false): QueryState<InspectAnswers[Q['type']]> {
  const client = useApp((s) => s.client);
  const [data, setData] = useState<InspectAnswers[Q['type']] | null>(null);
  const [error, setError] = useState<CommandError | null>(null);
  const [tick, setTick] = useState(0);
  const key = q === null ? '' : JSON.stringify(q);
  useEffect(() => {
    if (keep) return;
    setData(null);
    setError(null);
    // `keep` is fixed per call site.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  useEffect(() => {
    if (q === null) return;
    let live = true;
    void client.query(q).then((r) => {
      if (!live) return;
      if (r.ok) {
        setData(r.value as InspectAnswers[Q['type']]);
        setError(null);
      } else setError(r.error);
    });
    const t = refreshMs > 0 ? setTimeout(() => setTick((n) => n + 1), refreshMs) : undefined;
    return () => {
      live = false;
      if (t !== undefined) clearTimeout(t);
    };
    // `key` stands for the query's content.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, key, tick, refreshMs]);
  return { data, error, refresh: () => setTick((n) => n + 1) };
}
