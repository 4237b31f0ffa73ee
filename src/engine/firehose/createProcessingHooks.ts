/**
 * The processing modules (Lambda transform, jq partition keys, format
 * conversion) as the delivery pipeline's ProcessingHooks, ready for
 * `sim.firehose.registerProcessing(createProcessingHooks(sim))`.
 */
import type { SimCore } from '../core/simCore';
import type { LambdaApi } from '../lambda/lambdaService';
import { createConvertFormatHook } from './formatConversion/convertFormatHook';
import { createExtractKeysHook } from './partitioning/extractKeysHook';
import type { ProcessingHooks } from './processingHooks';
import { createTransformHook } from './transform/transformHook';

/** All three hooks for one simulation. */
export function createProcessingHooks(sim: { core: SimCore; lambda: LambdaApi }): Required<ProcessingHooks> {
  return {
    transform: createTransformHook(sim),
    extractKeys: createExtractKeysHook(),
    convertFormat: createConvertFormatHook() as Required<ProcessingHooks>['convertFormat'],
  };
}
