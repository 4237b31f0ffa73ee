/**
 * DisableEnhancedMonitoring: stops publishing the named shard-level metrics
 * (or `ALL`); their series have no data from now on [BC-K DisableEnhancedMonitoring].
 */
import type { KinesisContext } from '../context';
import { changeEnhancedMonitoring, type EnhancedMonitoringInput, type EnhancedMonitoringOutput } from '../enhancedMonitoring';

export function disableEnhancedMonitoring(ctx: KinesisContext, input: EnhancedMonitoringInput): EnhancedMonitoringOutput {
  return changeEnhancedMonitoring(ctx, input, false);
}
