/**
 * A batch as spans of record indexes: contiguous with ParallelizationFactor 1,
 * runs of one partition key's lane otherwise. Spans keep bulk batches as cheap
 * as two numbers, whatever their size.
 */
export interface Span {
  from: number;
  count: number;
}

/** Records covered by the spans. */
export function spanCount(spans: readonly Span[]): number {
  let n = 0;
  for (const s of spans) n += s.count;
  return n;
}

/** Appends a span, merging it into the last one when they touch. */
export function pushSpan(spans: Span[], from: number, count: number): void {
  if (count <= 0) return;
  const last = spans[spans.length - 1];
  if (last !== undefined && last.from + last.count === from) last.count += count;
  else spans.push({ from, count });
}

/** Removes and returns the first `n` records of `spans` as spans. */
export function takeSpans(spans: Span[], n: number): Span[] {
  const out: Span[] = [];
  while (n > 0 && spans.length > 0) {
    const s = spans[0];
    if (s.count <= n) {
      out.push(spans.shift()!);
      n -= s.count;
    } else {
      out.push({ from: s.from, count: n });
      s.from += n;
      s.count -= n;
      n = 0;
    }
  }
  return out;
}

/** Records takeSpans(spans, n) would take: at most `n`, no more than the spans hold. */
export function spanHead(spans: readonly Span[], n: number): number {
  let got = 0;
  for (let i = 0; i < spans.length && got < n; i++) got += Math.min(spans[i].count, n - got);
  return got;
}

/** Record index of the last of the first `n` records of the spans (n >= 1, within them). */
export function headLastIndex(spans: readonly Span[], n: number): number {
  for (const s of spans) {
    if (n <= s.count) return s.from + n - 1;
    n -= s.count;
  }
  return lastIndex(spans);
}

/** Removes the first `n` records of `spans`, as takeSpans does, without returning them. */
export function dropSpans(spans: Span[], n: number): void {
  while (n > 0 && spans.length > 0) {
    const s = spans[0];
    if (s.count <= n) {
      spans.shift();
      n -= s.count;
    } else {
      s.from += n;
      s.count -= n;
      n = 0;
    }
  }
}

/** Splits a batch in two halves (the first gets the smaller half when odd), for bisect-on-error. */
export function bisectSpans(spans: readonly Span[]): [Span[], Span[]] {
  const copy = spans.map((s) => ({ ...s }));
  const first = takeSpans(copy, Math.floor(spanCount(spans) / 2));
  return [first, copy];
}

/** Each record index of the spans, in order. */
export function* indexesOf(spans: readonly Span[]): Iterable<number> {
  for (const s of spans) for (let i = 0; i < s.count; i++) yield s.from + i;
}

/** Record index of the first record of the spans. */
export function firstIndex(spans: readonly Span[]): number {
  return spans[0].from;
}

/** Record index of the last record of the spans. */
export function lastIndex(spans: readonly Span[]): number {
  const l = spans[spans.length - 1];
  return l.from + l.count - 1;
}
