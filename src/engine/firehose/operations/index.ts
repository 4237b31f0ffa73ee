/** The Firehose operations by their AWS names; the typed API and the wire protocol are built from this table. */
import type { FirehoseContext } from '../context';
import { createDeliveryStream } from './createDeliveryStream';
import { deleteDeliveryStream } from './deleteDeliveryStream';
import { describeDeliveryStream } from './describeDeliveryStream';
import { listDeliveryStreams } from './listDeliveryStreams';
import { putRecord } from './putRecord';
import { putRecordBatch } from './putRecordBatch';
import { updateDestination } from './updateDestination';
import { startDeliveryStreamEncryption } from './startDeliveryStreamEncryption';
import { stopDeliveryStreamEncryption } from './stopDeliveryStreamEncryption';
import { tagDeliveryStream } from './tagDeliveryStream';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Operation = (ctx: FirehoseContext, input: any) => any;

export const firehoseOperations = {
  CreateDeliveryStream: createDeliveryStream,
  DeleteDeliveryStream: deleteDeliveryStream,
  DescribeDeliveryStream: describeDeliveryStream,
  ListDeliveryStreams: listDeliveryStreams,
  PutRecord: putRecord,
  PutRecordBatch: putRecordBatch,
  UpdateDestination: updateDestination,
  StartDeliveryStreamEncryption: startDeliveryStreamEncryption,
  StopDeliveryStreamEncryption: stopDeliveryStreamEncryption,
  TagDeliveryStream: tagDeliveryStream,
} satisfies Record<string, Operation>;
