/**
 * Scenario argument shapes of the analytics commands (kinesisanalyticsv2
 * [BC-KA2]); the engine validates the nested configuration itself, so the
 * configuration objects are open here, with their required fields named.
 */
import { bool, int, obj, oneOfStrings, openObj, str, text, type SchemaNode } from './schemaDsl';

const applicationName = str({ maxLength: 128, pattern: '^[a-zA-Z0-9_.-]+$', patternHint: 'letters, digits, "_", "." and "-"' });
const versionId = int(1, 999999999);
const runtimes = ['SQL-1_0', 'FLINK-1_15', 'FLINK-1_18', 'FLINK-1_19', 'FLINK-1_20', 'FLINK-2_2', 'ZEPPELIN-FLINK-3_0'];

/** Per-command argument shapes for analytics (the scenario allow-list reads them). */
export const analyticsArgs = {
  createApplication: obj(
    {
      ApplicationName: applicationName,
      ApplicationDescription: text(1024),
      RuntimeEnvironment: oneOfStrings(runtimes),
      ServiceExecutionRole: str({ maxLength: 2048 }),
      ApplicationMode: oneOfStrings(['STREAMING', 'INTERACTIVE']),
      ApplicationConfiguration: openObj({}, [], 'Code (ApplicationCodeConfiguration), SqlApplicationConfiguration inputs/outputs, FlinkApplicationConfiguration.'),
    },
    ['ApplicationName', 'RuntimeEnvironment'],
  ),
  startApplication: obj({ ApplicationName: applicationName, RunConfiguration: openObj({}) }, ['ApplicationName']),
  stopApplication: obj({ ApplicationName: applicationName, Force: bool() }, ['ApplicationName']),
  updateApplication: obj({ ApplicationName: applicationName, CurrentApplicationVersionId: versionId, ApplicationConfigurationUpdate: openObj({}) }, ['ApplicationName', 'CurrentApplicationVersionId', 'ApplicationConfigurationUpdate']),
  deleteApplication: obj({ ApplicationName: applicationName, CreateTimestamp: int(0, 99999999999) }, ['ApplicationName', 'CreateTimestamp']),
  addApplicationOutput: obj({ ApplicationName: applicationName, CurrentApplicationVersionId: versionId, Output: openObj({ Name: str({ maxLength: 32 }) }, ['Name']) }, ['ApplicationName', 'CurrentApplicationVersionId', 'Output']),
  deleteApplicationOutput: obj({ ApplicationName: applicationName, CurrentApplicationVersionId: versionId, OutputId: str({ maxLength: 50 }) }, ['ApplicationName', 'CurrentApplicationVersionId', 'OutputId']),
  createApplicationSnapshot: obj({ ApplicationName: applicationName, SnapshotName: str({ maxLength: 256, pattern: '^[a-zA-Z0-9_.-]+$', patternHint: 'letters, digits, "_", "." and "-"' }) }, ['ApplicationName', 'SnapshotName']),
  /** Simulator control (no AWS call): the application restarts from its last checkpoint. */
  injectFault: obj({ ApplicationName: applicationName }, ['ApplicationName']),
  /** Simulator control (no AWS call): what one KPU of the application processes per second (AWS gives no figure). */
  setRecordsPerKpuSecond: obj({ ApplicationName: applicationName, RecordsPerKpuSecond: int(1, 1000000) }, ['ApplicationName', 'RecordsPerKpuSecond']),
} satisfies Record<string, SchemaNode>;
