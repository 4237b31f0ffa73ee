/**
 * Instructor sets and mission links. A set is a list of mission and question
 * ids from our own banks, in the instructor's order, with a plain-text note:
 *   #x=<base64url(deflate(JSON))>   a set
 *   #m=<missionId>                  one mission
 * The link carries no executable content: decoding checks every id against the
 * banks, caps sizes, and gives { ok: false, message } for anything else.
 */
import { deflateSync, inflateSync } from 'fflate';
import { decodeUtf8, encodeUtf8 } from '../engine';
import { fromBase64Url, toBase64Url } from '../scenarios/shareLink';
import { parseJsonSafely } from '../scenarios/safeJson';
import { findMission } from './missions';
import { findQuestion } from './questions';

export interface ExamSetItem {
  kind: 'mission' | 'question';
  id: string;
}

export interface ExamSet {
  version: 1;
  title: string;
  /** The instructor's note, shown as text. */
  note: string;
  items: ExamSetItem[];
}

export const MAX_SET_ITEMS = 60;
export const MAX_NOTE_CHARS = 1000;
export const MAX_TITLE_CHARS = 120;
/** Link text and inflated JSON caps (a set of 60 ids and a note is far below both). */
const MAX_LINK_CHARS = 8192;
const MAX_JSON_BYTES = 16384;

export type DecodedSet = { ok: true; set: ExamSet } | { ok: false; message: string };

/** The `#x=` fragment for a set (validated first). */
export function encodeExamSet(set: ExamSet): { ok: true; fragment: string } | { ok: false; message: string } {
  const v = validateExamSet(set);
  if (!v.ok) return v;
  return { ok: true, fragment: `#x=${toBase64Url(deflateSync(encodeUtf8(JSON.stringify(v.set)), { level: 9 }))}` };
}

/** Reads a `#x=` fragment; never throws. */
export function decodeExamSet(fragment: string): DecodedSet {
  const m = /^#?x=([A-Za-z0-9_-]*)$/.exec(fragment);
  if (m === null) return { ok: false, message: 'This is not an exam set link.' };
  if (m[1].length > MAX_LINK_CHARS) return { ok: false, message: `This exam set link is too long (${m[1].length} characters; at most ${MAX_LINK_CHARS}).` };
  const packed = fromBase64Url(m[1]);
  if (packed === undefined) return { ok: false, message: 'This exam set link is damaged (not base64url).' };
  let bytes: Uint8Array;
  try {
    bytes = inflateSync(packed, { out: new Uint8Array(MAX_JSON_BYTES + 1) });
  } catch {
    return { ok: false, message: 'This exam set link is damaged (it does not inflate, or inflates past 16 KiB).' };
  }
  if (bytes.length > MAX_JSON_BYTES) return { ok: false, message: 'This exam set link holds too much data.' };
  const text = decodeUtf8(bytes);
  const parsed = parseJsonSafely(text);
  if (!parsed.ok) return { ok: false, message: `This exam set link is damaged: ${parsed.message}` };
  return validateExamSet(parsed.value);
}

/** Checks an untrusted set: known fields only, ids from the banks, sizes capped. */
export function validateExamSet(doc: unknown): DecodedSet {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return { ok: false, message: 'An exam set must be an object.' };
  const d = doc as Record<string, unknown>;
  for (const k of Object.keys(d)) if (!['version', 'title', 'note', 'items'].includes(k)) return { ok: false, message: `An exam set has no field "${k.slice(0, 40)}".` };
  if (d.version !== 1) return { ok: false, message: 'This exam set was made by a newer version of the simulator (or is damaged).' };
  if (typeof d.title !== 'string' || d.title.length > MAX_TITLE_CHARS) return { ok: false, message: `The set's title must be text of at most ${MAX_TITLE_CHARS} characters.` };
  if (typeof d.note !== 'string' || d.note.length > MAX_NOTE_CHARS) return { ok: false, message: `The set's note must be text of at most ${MAX_NOTE_CHARS} characters.` };
  if (!Array.isArray(d.items) || d.items.length === 0 || d.items.length > MAX_SET_ITEMS) return { ok: false, message: `A set lists 1 to ${MAX_SET_ITEMS} missions and questions.` };
  const items: ExamSetItem[] = [];
  for (const [i, it] of d.items.entries()) {
    if (it === null || typeof it !== 'object' || Array.isArray(it)) return { ok: false, message: `Item ${i + 1} must be an object.` };
    const { kind, id, ...rest } = it as Record<string, unknown>;
    if (Object.keys(rest).length > 0) return { ok: false, message: `Item ${i + 1} has unknown fields.` };
    if (kind !== 'mission' && kind !== 'question') return { ok: false, message: `Item ${i + 1} must be a mission or a question.` };
    if (typeof id !== 'string' || !/^[a-z0-9-]{1,64}$/.test(id)) return { ok: false, message: `Item ${i + 1} has no valid id.` };
    if ((kind === 'mission' ? findMission(id) : findQuestion(id)) === undefined) return { ok: false, message: `Item ${i + 1}: there is no ${kind} "${id}" (the link may come from a newer version).` };
    items.push({ kind, id });
  }
  return { ok: true, set: { version: 1, title: d.title, note: d.note, items } };
}

/** The `#m=` fragment of a mission. */
export function missionFragment(id: string): string {
  return `#m=${id}`;
}

/** Reads a `#m=` fragment: the mission id when it names a mission. */
export function decodeMissionFragment(fragment: string): { ok: true; id: string } | { ok: false; message: string } {
  const m = /^#?m=([a-z0-9-]{1,64})$/.exec(fragment);
  if (m === null) return { ok: false, message: 'This is not a mission link.' };
  return findMission(m[1]) !== undefined ? { ok: true, id: m[1] } : { ok: false, message: `There is no mission "${m[1]}".` };
}
