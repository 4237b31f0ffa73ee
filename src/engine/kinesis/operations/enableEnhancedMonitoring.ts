/**
 * EnableEnhancedMonitoring: publishes the named shard-level metrics (or `ALL`)
 * from now on [BC-K EnableEnhancedMonitoring]. The answer gives the metrics
 * enabled before (Current) and after (Desired) the call.
 */
import type { KinesisContext } from '../context';
import { changeEnhancedMonitoring, type EnhancedMonitoringInput, type EnhancedMonitoringOutput } from '../enhancedMonitoring';

export function enableEnhancedMonitoring(ctx: KinesisContext, input: EnhancedMonitoringInput): EnhancedMonitoringOutput {
  return changeEnhancedMonitoring(ctx, input, true);
}
