/**
 * CreateCollection and IndexFaces, minimal: a collection of faces the face
 * search processors match against. The simulator has no pixels, so IndexFaces
 * takes who the image shows from its ExternalImageId (a scene resident: alice,
 * bob, carol, dan) [BC-REK CreateCollection, IndexFaces].
 */
import { AwsError, resourceNotFound, ValidationErrors } from '../../core/errors';
import { RESIDENTS } from '../../video/scene';
import type { RekognitionContext } from '../context';
import type { FaceRecord } from '../types';

const ID = /^[a-zA-Z0-9_.-]+$/;

function uuid(ctx: RekognitionContext): string {
  const h = ctx.core.random.string(32, '0123456789abcdef');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function createCollection(ctx: RekognitionContext, input: { CollectionId: string; Tags?: Record<string, string> }) {
  const v = new ValidationErrors();
  if (typeof input.CollectionId !== 'string' || input.CollectionId.length < 1 || input.CollectionId.length > 255 || !ID.test(input.CollectionId)) {
    v.add(input.CollectionId, 'collectionId', 'satisfy regular expression pattern: [a-zA-Z0-9_.\\-]+');
  }
  v.throwIfAny();
  if (ctx.collections.has(input.CollectionId)) throw new AwsError('ResourceAlreadyExistsException', `The collection id: ${input.CollectionId} already exists`);
  const arn = ctx.core.arn('rekognition', `collection/${input.CollectionId}`);
  ctx.collections.set(input.CollectionId, { id: input.CollectionId, arn, createdAt: ctx.core.now(), faces: [] });
  return { StatusCode: 200, CollectionArn: arn.replace(/^arn:aws:/, 'aws:'), FaceModelVersion: '7.0' };
}

export function indexFaces(ctx: RekognitionContext, input: { CollectionId: string; Image: { Bytes?: Uint8Array; S3Object?: { Bucket?: string; Name?: string } }; ExternalImageId?: string }) {
  const c = ctx.collections.get(input.CollectionId);
  if (c === undefined) throw resourceNotFound(`The collection id: ${input.CollectionId} does not exist`);
  if (input.Image === undefined) throw new AwsError('InvalidParameterException', 'Request has invalid parameters');
  const resident = RESIDENTS.find((r) => r === input.ExternalImageId);
  const face: FaceRecord = {
    FaceId: uuid(ctx),
    ImageId: uuid(ctx),
    ExternalImageId: input.ExternalImageId,
    resident,
    Confidence: 99.99,
    BoundingBox: { Left: 0.3, Top: 0.2, Width: 0.4, Height: 0.5 },
  };
  c.faces.push(face);
  const { resident: _r, ...shown } = face;
  void _r;
  return { FaceRecords: [{ Face: shown, FaceDetail: { BoundingBox: face.BoundingBox, Confidence: face.Confidence } }], FaceModelVersion: '7.0', UnindexedFaces: [] };
}
