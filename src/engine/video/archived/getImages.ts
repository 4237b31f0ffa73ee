/**
 * GetImages: one image every SamplingInterval (>= 200 ms) over a range of at
 * most 300 s, JPEG or PNG, pages of 25 (MaxResults 1..100), each image with
 * NO_MEDIA where no fragment covers its time [BC-KVAM GetImages]. The image
 * bytes are a placeholder naming the fragment and time (images are decorative).
 */
import { AwsError, invalidArgument } from '../../core/errors';
import { toBase64 } from '../../core/base64';
import { encodeUtf8 } from '../../core/utf8';
import { IMAGES_MAX_RANGE_MS, IMAGES_MAX_RESULTS, IMAGES_MIN_INTERVAL_MS, IMAGES_PAGE } from '../constants';
import { resolveStream, type VideoContext } from '../context';
import { firstSeqAtTime, fragmentBySeq } from '../fragmentStore';
import { catchUpStream } from '../ingest';
import { decodePageToken, encodePageToken } from '../pageToken';
import { toMs } from '../startSelector';
import { VideoValidation } from '../validation';

export interface GetImagesInput {
  StreamName?: string;
  StreamARN?: string;
  ImageSelectorType: 'PRODUCER_TIMESTAMP' | 'SERVER_TIMESTAMP';
  StartTimestamp: number | Date;
  EndTimestamp: number | Date;
  SamplingInterval?: number;
  Format: 'JPEG' | 'PNG';
  FormatConfig?: Record<string, string>;
  WidthPixels?: number;
  HeightPixels?: number;
  MaxResults?: number;
  NextToken?: string;
}

/** One image of the answer (TimeStamp in epoch ms). */
export interface ImageOut {
  TimeStamp: number;
  Error?: 'NO_MEDIA' | 'MEDIA_ERROR';
  ImageContent?: string;
}

export function getImages(ctx: VideoContext, input: GetImagesInput): { Images: ImageOut[]; NextToken?: string } {
  const v = new VideoValidation();
  v.oneOf(input.ImageSelectorType, 'imageSelectorType', ['PRODUCER_TIMESTAMP', 'SERVER_TIMESTAMP'], true);
  v.oneOf(input.Format, 'format', ['JPEG', 'PNG'], true);
  v.int(input.WidthPixels, 'widthPixels', 1, 3840);
  v.int(input.HeightPixels, 'heightPixels', 1, 2160);
  v.int(input.MaxResults, 'maxResults', 1, IMAGES_MAX_RESULTS);
  v.int(input.SamplingInterval, 'samplingInterval', IMAGES_MIN_INTERVAL_MS, 2147483647);
  v.throwIfAny();
  const s = resolveStream(ctx, input);
  catchUpStream(ctx, s, ctx.core.now());
  if (s.retentionHours === 0) throw new AwsError('NoDataRetentionException', `GetImages needs a stream that retains data; ${s.name} has a data retention of 0 hours.`);
  const a = toMs(input.StartTimestamp);
  const b = toMs(input.EndTimestamp);
  if (a === undefined || b === undefined || b < a) throw invalidArgument('StartTimestamp must not be after EndTimestamp.');
  if (b - a > IMAGES_MAX_RANGE_MS) throw invalidArgument('The time range between StartTimestamp and EndTimestamp must not be more than 300 seconds.');
  const interval = input.SamplingInterval ?? 3000;
  const total = Math.min(IMAGES_MAX_RESULTS, input.MaxResults ?? IMAGES_MAX_RESULTS);
  const from = input.NextToken === undefined ? 0 : decodePageToken(input.NextToken);
  const kind = input.ImageSelectorType === 'SERVER_TIMESTAMP' ? 'SERVER' : 'PRODUCER';
  const images: ImageOut[] = [];
  let i = from;
  for (; i < total && images.length < IMAGES_PAGE; i++) {
    const t = a + i * interval;
    if (t > b) break;
    const seq = firstSeqAtTime(s, t - 10000, kind);
    let f = seq === undefined ? undefined : fragmentBySeq(s, seq);
    // The fragment covering t: step forward while the next one starts at or before t.
    while (f !== undefined) {
      const next = fragmentBySeq(s, f.seq + 1);
      if (next === undefined || (kind === 'SERVER' ? next.ServerTimestamp : next.ProducerTimestamp) > t) break;
      f = next;
    }
    const start = f === undefined ? undefined : kind === 'SERVER' ? f.ServerTimestamp : f.ProducerTimestamp;
    if (f === undefined || start! > t || t >= start! + f.FragmentLengthInMilliseconds) images.push({ TimeStamp: t, Error: 'NO_MEDIA' });
    else images.push({ TimeStamp: t, ImageContent: toBase64(encodeUtf8(`${input.Format} ${f.FragmentNumber} ${t}`)) });
  }
  const more = i < total && a + i * interval <= b;
  return more ? { Images: images, NextToken: encodePageToken(i) } : { Images: images };
}
