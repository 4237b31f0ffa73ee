/**
 * GetMedia's StartSelector: NOW, EARLIEST, FRAGMENT_NUMBER (after
 * AfterFragmentNumber), SERVER_TIMESTAMP / PRODUCER_TIMESTAMP (StartTimestamp)
 * or CONTINUATION_TOKEN (a fragment number to resume after) [BC-KVM StartSelector].
 */
import { invalidArgument } from '../core/errors';
import { requireFragmentNumber } from './fragmentNumber';
import { firstSeqAtOrAfter, firstSeqAtTime } from './fragmentStore';
import type { VideoStreamState } from './types';

/** GetMedia's StartSelector as the API takes it. */
export interface StartSelector {
  StartSelectorType: 'FRAGMENT_NUMBER' | 'SERVER_TIMESTAMP' | 'PRODUCER_TIMESTAMP' | 'NOW' | 'EARLIEST' | 'CONTINUATION_TOKEN';
  AfterFragmentNumber?: string;
  StartTimestamp?: number | Date;
  ContinuationToken?: string;
}

const TYPES = ['FRAGMENT_NUMBER', 'SERVER_TIMESTAMP', 'PRODUCER_TIMESTAMP', 'NOW', 'EARLIEST', 'CONTINUATION_TOKEN'];

/** Milliseconds of a timestamp the wire gave as epoch seconds, a Date or ms. */
export function toMs(t: number | Date | string | undefined): number | undefined {
  if (t === undefined) return undefined;
  if (t instanceof Date) return t.getTime();
  if (typeof t === 'string') return Date.parse(t);
  return t;
}

/** The first sequence a reader with this selector gets (it may not have arrived yet: then it is the next one to come). */
export function resolveStartSelector(s: VideoStreamState, sel: StartSelector | undefined): number {
  if (sel === undefined || !TYPES.includes(sel.StartSelectorType)) {
    throw invalidArgument(`StartSelector.StartSelectorType must be one of ${TYPES.join(', ')}.`);
  }
  switch (sel.StartSelectorType) {
    case 'NOW':
      return s.nextSeq;
    case 'EARLIEST':
      return firstSeqAtOrAfter(s, 0) ?? s.nextSeq;
    case 'FRAGMENT_NUMBER': {
      if (sel.AfterFragmentNumber === undefined) throw invalidArgument('AfterFragmentNumber is required for StartSelectorType FRAGMENT_NUMBER.');
      return requireFragmentNumber(s.index, sel.AfterFragmentNumber) + 1;
    }
    case 'CONTINUATION_TOKEN': {
      if (sel.ContinuationToken === undefined) throw invalidArgument('ContinuationToken is required for StartSelectorType CONTINUATION_TOKEN.');
      return requireFragmentNumber(s.index, sel.ContinuationToken) + 1;
    }
    default: {
      const t = toMs(sel.StartTimestamp);
      if (t === undefined || !Number.isFinite(t)) throw invalidArgument(`StartTimestamp is required for StartSelectorType ${sel.StartSelectorType}.`);
      return firstSeqAtTime(s, t, sel.StartSelectorType === 'SERVER_TIMESTAMP' ? 'SERVER' : 'PRODUCER') ?? s.nextSeq;
    }
  }
}
