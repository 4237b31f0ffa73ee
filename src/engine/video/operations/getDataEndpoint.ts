/**
 * GetDataEndpoint: the endpoint for one data-plane API of a stream. Each
 * data-plane call must go to the endpoint given for its APIName; the simulator
 * gives every API name its own host, so a call sent to another one fails with
 * InvalidEndpointException [BC-KV GetDataEndpoint; KVS-DG20 limits].
 */
import { API_NAMES, type ApiName } from '../constants';
import { resolveStream, type VideoContext } from '../context';
import { VideoValidation } from '../validation';

export function getDataEndpoint(ctx: VideoContext, input: { StreamName?: string; StreamARN?: string; APIName: ApiName }): { DataEndpoint: string } {
  const v = new VideoValidation();
  v.oneOf(input.APIName, 'aPIName', API_NAMES, true);
  v.throwIfAny();
  const s = resolveStream(ctx, input);
  return { DataEndpoint: s.endpoints[input.APIName]! };
}
