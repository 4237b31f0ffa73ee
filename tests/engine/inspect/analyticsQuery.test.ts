import { describe, it, expect } from 'vitest';
import { presetScenario } from '../../../src/scenarios/presets';
import { ScenarioSession } from '../../../src/scenarios/scenarioSession';

describe('sim.inspect.analyticsApps', () => {
  it('draws an application from the engine\'s own figures: its source, its destination and its tumbling window', async () => {
    const s = new ScenarioSession(presetScenario('analytics-order-totals')!);
    await s.advance(60000);
    const [app, ...rest] = s.sim.inspect.analyticsApps();
    expect(rest).toEqual([]);
    expect([app.name, app.runtime, app.status, app.sources, app.destinations]).toEqual(['order-totals', 'SQL-1_0', 'RUNNING', ['orders'], [{ kind: 'firehose', name: 'totals-to-s3' }]]);
    expect([app.queryKind, app.windowMs]).toEqual(['tumbling', 60000]);
    // The last whole second's numRecordsIn, as the application's metrics hold it.
    const second = Math.floor(s.sim.now() / 1000) * 1000 - 1000;
    expect(app.inputPerSec).toBe(s.sim.analyticsContext.apps.get('order-totals')!.metrics.aggregate('numRecordsIn', second, second + 1000));
    expect(app.inputPerSec).toBe(20);
    // The newest 400 records the run view holds, the windows fired at one minute.
    const view = s.sim.analytics.view('order-totals');
    expect(app.records).toHaveLength(400);
    expect(app.records[399].arrival).toBe(view.records[view.records.length - 1].arrival);
    // Tumbling windows close on the whole minute and fire there.
    const minute = Math.floor(s.sim.now() / 60000) * 60000;
    expect(app.windows.map((w) => [w.key, w.end - w.start, w.firedAt])).toContainEqual(['NVDA', 60000, minute]);
  });
});
