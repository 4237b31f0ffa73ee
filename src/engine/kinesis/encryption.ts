/**
 * Server-side encryption changes [BC-K StartStreamEncryption, StopStreamEncryption]:
 * the KMS key forms AWS takes, the 25-per-rolling-24-h limits, and the change
 * itself, which takes effect when the stream's UPDATING delay ends. Only
 * records written from then on carry the new EncryptionType: records already
 * in the stream keep what they were written with (the exam's "server-side
 * encryption protects new data only").
 */
import { AwsError, limitExceeded } from '../core/errors';
import type { SimCore } from '../core/simCore';
import type { KinesisContext } from './context';
import type { StreamState } from './streamModel';
import { ROLLING_DAY_MS } from './constants';

/** Successful StartStreamEncryption (and, separately, StopStreamEncryption) calls per rolling 24 h [BC-K]. */
export const ENCRYPTION_CHANGES_PER_DAY = 25;
/** The AWS managed key for Kinesis, which needs no customer key [KDS-DG server-side encryption]. */
export const AWS_MANAGED_KINESIS_KEY = 'alias/aws/kinesis';

const KEY_ID = /^(mrk-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const KEY_ARN = /^arn:aws[\w-]*:kms:[a-z0-9-]+:\d{12}:key\/(mrk-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const ALIAS = /^alias\/[a-zA-Z0-9:/_-]+$/;
const ALIAS_ARN = /^arn:aws[\w-]*:kms:[a-z0-9-]+:\d{12}:alias\/[a-zA-Z0-9:/_-]+$/;

/**
 * True for the forms StartStreamEncryption's KeyId takes: a key id, a key ARN,
 * an alias name, an alias ARN, or `alias/aws/kinesis` [BC-K StartStreamEncryption KeyId].
 */
export function isKmsKeyReference(keyId: string): boolean {
  return KEY_ID.test(keyId) || KEY_ARN.test(keyId) || ALIAS.test(keyId) || ALIAS_ARN.test(keyId);
}

/** KMSNotFoundException for a KeyId that names no key (the simulator has no KMS: any well-formed key exists). */
export function kmsNotFound(keyId: string): AwsError {
  return new AwsError('KMSNotFoundException', `Invalid keyId ${keyId}`);
}

/** Counts a call against its 25-per-rolling-24-h budget, or throws LimitExceededException. */
export function chargeEncryptionCall(ctx: KinesisContext, s: StreamState, which: 'starts' | 'stops'): void {
  const now = ctx.core.now();
  const recent = s.encryption[which].filter((t) => t > now - ROLLING_DAY_MS);
  if (recent.length >= ENCRYPTION_CHANGES_PER_DAY) {
    const what = which === 'starts' ? 'applied a new KMS key for server-side encryption' : 'disabled server-side encryption';
    throw limitExceeded(`Stream ${s.name} under account ${ctx.core.accountId} has already ${what} ${recent.length} times in the last 24 hours. The limit is ${ENCRYPTION_CHANGES_PER_DAY}.`);
  }
  recent.push(now);
  s.encryption[which] = recent;
}

/** The data event's payload: which stream (by name and creation time) changes to what. */
interface EncryptionChange {
  ctx: KinesisContext;
  stream: string;
  createdAt: number;
  type: 'NONE' | 'KMS';
  keyId?: string;
}

const KIND = 'kinesis:encryptionChange';

/** Registers the encryption change's data event once, at service creation (the payload carries the state). */
export function registerEncryptionChange(core: SimCore): void {
  core.registerHandler<EncryptionChange>(KIND, (p) => applyEncryptionChange(p.ctx, p));
}

/** Puts the stream in UPDATING; the change applies, and the stream is ACTIVE again, after the update delay. */
export function scheduleEncryptionChange(ctx: KinesisContext, s: StreamState, type: 'NONE' | 'KMS', keyId?: string): void {
  s.status = 'UPDATING';
  ctx.core.events.emit({ type: 'streamStatus', time: ctx.core.now(), stream: s.name, status: 'UPDATING' });
  const payload: EncryptionChange = { ctx, stream: s.name, createdAt: s.createdAt, type, ...(keyId !== undefined ? { keyId } : {}) };
  ctx.core.scheduleEvent(ctx.delays.updateStreamMs, KIND, payload, `${KIND}:${s.name}`);
}

function applyEncryptionChange(ctx: KinesisContext, p: EncryptionChange): void {
  const s = ctx.streams.get(p.stream);
  if (s === undefined || s.deleted || s.createdAt !== p.createdAt) return;
  const now = ctx.core.now();
  s.encryption.type = p.type;
  if (p.type === 'KMS') s.encryption.keyId = p.keyId;
  else delete s.encryption.keyId;
  s.encryption.changes.push({ at: now, type: p.type, ...(p.keyId !== undefined && p.type === 'KMS' ? { keyId: p.keyId } : {}) });
  s.status = 'ACTIVE';
  ctx.core.events.emit({ type: 'streamEncryptionChanged', time: now, stream: s.name, encryptionType: p.type, ...(p.type === 'KMS' && p.keyId !== undefined ? { keyId: p.keyId } : {}) });
  ctx.core.events.emit({ type: 'streamStatus', time: now, stream: s.name, status: 'ACTIVE' });
}
