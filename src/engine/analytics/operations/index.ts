/** The analytics operations by their AWS names; the typed API and the wire protocol are built from this table. */
import type { AnalyticsContext } from '../context';
import { createApplication } from './createApplication';
import { describeApplication } from './describeApplication';
import { listApplications } from './listApplications';
import { startApplication } from './startApplication';
import { stopApplication } from './stopApplication';
import { updateApplication } from './updateApplication';
import { deleteApplication } from './deleteApplication';
import { addApplicationInput } from './addApplicationInput';
import { addApplicationOutput } from './addApplicationOutput';
import { deleteApplicationOutput } from './deleteApplicationOutput';
import { createApplicationSnapshot } from './createApplicationSnapshot';
import { listApplicationSnapshots } from './listApplicationSnapshots';
import { deleteApplicationSnapshot } from './deleteApplicationSnapshot';
import { discoverInputSchema } from './discoverInputSchema';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Operation = (ctx: AnalyticsContext, input: any) => any;

export const analyticsOperations = {
  CreateApplication: createApplication,
  DescribeApplication: describeApplication,
  ListApplications: listApplications,
  StartApplication: startApplication,
  StopApplication: stopApplication,
  UpdateApplication: updateApplication,
  DeleteApplication: deleteApplication,
  AddApplicationInput: addApplicationInput,
  AddApplicationOutput: addApplicationOutput,
  DeleteApplicationOutput: deleteApplicationOutput,
  CreateApplicationSnapshot: createApplicationSnapshot,
  ListApplicationSnapshots: listApplicationSnapshots,
  DeleteApplicationSnapshot: deleteApplicationSnapshot,
  DiscoverInputSchema: discoverInputSchema,
} satisfies Record<string, Operation>;
