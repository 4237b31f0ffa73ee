/** DescribeStream: the stream's StreamInfo, by StreamName or StreamARN [BC-KV DescribeStream]. */
import { resolveStream, type VideoContext } from '../context';
import { streamInfo, type StreamInfo } from '../streamModel';

export function describeStream(ctx: VideoContext, input: { StreamName?: string; StreamARN?: string }): { StreamInfo: StreamInfo } {
  return { StreamInfo: streamInfo(resolveStream(ctx, input, { allowDeleting: true })) };
}
