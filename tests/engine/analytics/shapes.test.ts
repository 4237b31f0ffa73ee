import { describe, expect, it } from 'vitest';
import { apiModels, createSimulation } from '../../../src/engine';
import { analyticsOperations } from '../../../src/engine/analytics/operations';
import { analyticsShapes } from '../../../src/engine/analytics/operations/shapes';
import type { Shape, StructureShape } from '../../../src/engine/core/shape';

/** The member names of a structure shape, in declared order. */
const members = (sh: Shape) => Object.keys((sh as StructureShape).members);

describe('kinesisanalyticsv2 declared request shapes', () => {
  it('are in apiModels as the CLI names the service, on its JSON 1.1 target prefix, one per served operation', () => {
    const m = apiModels.find((x) => x.cli === 'kinesisanalyticsv2');
    expect(m?.protocol).toBe('json');
    expect(m?.targetPrefix).toBe('KinesisAnalytics_20180523');
    expect(Object.keys(m?.operations ?? {}).sort()).toEqual(Object.keys(analyticsOperations).sort());
  });

  it('list CreateApplication members in the model order with its three required members', () => {
    const input = analyticsShapes.CreateApplication.input;
    expect(members(input)).toEqual(['ApplicationName', 'RuntimeEnvironment', 'ServiceExecutionRole', 'ApplicationDescription', 'ApplicationConfiguration', 'CloudWatchLoggingOptions', 'Tags', 'ApplicationMode']);
    expect(input.required).toEqual(['ApplicationName', 'RuntimeEnvironment', 'ServiceExecutionRole']);
    expect(input.members.ApplicationName).toEqual({ type: 'string', min: 1, max: 128, pattern: '[a-zA-Z0-9_.-]+' });
  });

  it('carry the SQL input, the Flink parallelism and the code the simulator runs', () => {
    const cfg = analyticsShapes.CreateApplication.input.members.ApplicationConfiguration as StructureShape;
    const sql = cfg.members.SqlApplicationConfiguration as StructureShape;
    const input = (sql.members.Inputs as { member: StructureShape }).member;
    expect(input.required).toEqual(['NamePrefix', 'InputSchema']);
    expect(input.members.NamePrefix).toEqual({ type: 'string', min: 1, max: 32, pattern: '[^-\\s<>&]*' });
    const flink = cfg.members.FlinkApplicationConfiguration as StructureShape;
    expect(members(flink.members.ParallelismConfiguration)).toEqual(['ConfigurationType', 'Parallelism', 'ParallelismPerKPU', 'AutoScalingEnabled']);
    const code = (cfg.members.ApplicationCodeConfiguration as StructureShape).members.CodeContent as StructureShape;
    expect(code.members.TextContent).toEqual({ type: 'string', min: 0, max: 102400 });
  });

  it('mark the deletes as answering with an empty body, and StopApplication takes Force', () => {
    expect(analyticsShapes.DeleteApplication).toEqual({ input: { type: 'structure', members: { ApplicationName: expect.anything(), CreateTimestamp: { type: 'timestamp' } }, required: ['ApplicationName', 'CreateTimestamp'] }, emptyOutput: true });
    expect(analyticsShapes.DeleteApplicationSnapshot.emptyOutput).toBe(true);
    expect(members(analyticsShapes.StopApplication.input)).toEqual(['ApplicationName', 'Force']);
  });

  it('check JSON types on the wire: a string where an integer belongs is SerializationException before the operation runs', () => {
    const sim = createSimulation({ seed: 1 });
    const res = sim.handleAwsJson('KinesisAnalytics_20180523.UpdateApplication', JSON.stringify({ ApplicationName: 'nope', CurrentApplicationVersionId: 'one' }));
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual({ __type: 'com.amazon.coral.service#SerializationException', Message: 'class java.lang.String can not be converted to an Long' });
  });
});
