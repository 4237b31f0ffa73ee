/**
 * Scenario argument shapes of the analytics commands (kinesisanalyticsv2
 * [BC-KA2]); the engine validates the nested configuration itself, so the
 * configuration objects are open here, with their required fields named.
 */
import { bool, int, obj, oneOfStrings, openObj, str, text, type SchemaNode } from './schemaDsl';
import { ANALYTICS_RUNTIMES } from '../engine';

const applicationName = str({ maxLength: 128, pattern: '^[a-zA-Z0-9_.-]+$', patternHint: 'letters, digits, "_", "." and "-"' });
const versionId = int(1, 999999999);
/** Every RuntimeEnvironment the engine accepts (the API model's enum), from its one list. */
const runtimes = [...ANALYTICS_RUNTIMES];

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
  // The API model requires only ApplicationName; CurrentApplicationVersionId or ConditionalToken is the lock [BC-KA2].
  updateApplication: obj({ ApplicationName: applicationName, CurrentApplicationVersionId: versionId, ConditionalToken: str({ maxLength: 512 }), ApplicationConfigurationUpdate: openObj({}) }, ['ApplicationName']),
  addApplicationInput: obj({ ApplicationName: applicationName, CurrentApplicationVersionId: versionId, Input: openObj({ NamePrefix: str({ maxLength: 32 }) }, ['NamePrefix']) }, ['ApplicationName', 'CurrentApplicationVersionId', 'Input']),
  deleteApplication: obj({ ApplicationName: applicationName, CreateTimestamp: int(0, 99999999999) }, ['ApplicationName', 'CreateTimestamp']),
  addApplicationOutput: obj({ ApplicationName: applicationName, CurrentApplicationVersionId: versionId, Output: openObj({ Name: str({ maxLength: 32 }) }, ['Name']) }, ['ApplicationName', 'CurrentApplicationVersionId', 'Output']),
  deleteApplicationOutput: obj({ ApplicationName: applicationName, CurrentApplicationVersionId: versionId, OutputId: str({ maxLength: 50 }) }, ['ApplicationName', 'CurrentApplicationVersionId', 'OutputId']),
  createApplicationSnapshot: obj({ ApplicationName: applicationName, SnapshotName: str({ maxLength: 256, pattern: '^[a-zA-Z0-9_.-]+$', patternHint: 'letters, digits, "_", "." and "-"' }) }, ['ApplicationName', 'SnapshotName']),
  /** Simulator control (no AWS call): the application restarts from its last checkpoint. */
  injectFault: obj({ ApplicationName: applicationName }, ['ApplicationName']),
  /** Simulator control (no AWS call): what one KPU of the application processes per second (AWS gives no figure). */
  setRecordsPerKpuSecond: obj({ ApplicationName: applicationName, RecordsPerKpuSecond: int(1, 1000000) }, ['ApplicationName', 'RecordsPerKpuSecond']),
} satisfies Record<string, SchemaNode>;
