/**
 * Managed Service for Apache Flink / Kinesis Data Analytics cost: KPU-hours
 * (the work KPUs plus the orchestration KPU, Studio's two more) at the KPU-hour
 * list price [LIVE how-pricing; constants.ts KPU_HOUR_USD]. Running application
 * storage (50 GB per KPU) and durable backups are not metered.
 */
import type { AnalyticsContext } from '../analytics/context';
import { KPU_HOUR_USD } from '../analytics/constants';

/** One application's cost so far. */
export interface AnalyticsAppCost {
  ApplicationName: string;
  kpuHours: number;
  usd: number;
}

/** Every live application's KPU-hours so far and what they cost. */
export function analyticsCosts(ctx: AnalyticsContext): AnalyticsAppCost[] {
  const out: AnalyticsAppCost[] = [];
  for (const app of ctx.apps.values()) {
    if (app.deleted) continue;
    out.push({ ApplicationName: app.name, kpuHours: app.kpuHours, usd: app.kpuHours * KPU_HOUR_USD });
  }
  return out;
}
