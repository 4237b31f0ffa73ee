/**
 * Every error message the engine answers with whose exact text is modelled
 * (Kinesis Data Streams, Firehose and the simulated Glue Data Catalog),
 * not confirmed: AWS documents the exception (or the rule) but not the words,
 * or the case cannot be checked without an AWS account. One place, rendered
 * by the Limits tab, so a learner knows which texts to trust to the letter.
 * A plain exported array: add an entry per message (keep them grouped by
 * service and operation); remove one when its text is confirmed.
 * Texts are the engine's templates, with `<...>` for the parts that vary;
 * tests/engine/kinesis/modelledErrors.test.ts drives every entry and checks
 * the engine answers exactly this exception and text.
 */

/** One modelled message: where it comes from and why its text is not AWS's confirmed wording. */
export interface ModelledError {
  service: 'Kinesis Data Streams' | 'Amazon Data Firehose' | 'AWS Glue';
  /** The operation (or "all" for a shared lookup). */
  operation: string;
  exception: string;
  message: string;
  why: string;
}

const NO_TEXT = 'AWS documents the exception for this case, not its message.';
const NEW_API = 'A 2025 operation: no AWS-verified request/response examples or emulator texts exist to compare with.';
const SIM_ONLY = 'The simulator refuses what it does not model; AWS has no such error.';

/** The modelled messages, by service and operation. */
export const MODELLED_ERRORS: ModelledError[] = [
  // Kinesis Data Streams
  { service: 'Kinesis Data Streams', operation: 'CreateStream', exception: 'InvalidArgumentException', message: 'ShardCount is required for streams in PROVISIONED mode.', why: NO_TEXT },
  { service: 'Kinesis Data Streams', operation: 'CreateStream', exception: 'ValidationException', message: 'ShardCount must not be specified for streams in ON_DEMAND mode.', why: NO_TEXT },
  { service: 'Kinesis Data Streams', operation: 'CreateStream', exception: 'LimitExceededException', message: 'Only 5 streams can be in the CREATING state at once for the account <account>.', why: 'The quotas page states the rule (five streams CREATING at once), not the message.' },
  { service: 'Kinesis Data Streams', operation: 'CreateStream, UpdateStreamMode', exception: 'LimitExceededException', message: 'Account <account> already has <n> streams in ON_DEMAND capacity mode, the most allowed (50).', why: 'The quotas page states the default of 50 on-demand streams, not the message.' },
  { service: 'Kinesis Data Streams', operation: 'CreateStream', exception: 'ValidationException', message: 'WarmThroughputMiBps can only be specified for streams in ON_DEMAND mode.', why: NEW_API },
  { service: 'Kinesis Data Streams', operation: 'CreateStream', exception: 'LimitExceededException', message: 'WarmThroughputMiBps <n> exceeds the on-demand write throughput limit of <max> MiBps for this Region.', why: NEW_API },
  { service: 'Kinesis Data Streams', operation: 'UpdateStreamWarmThroughput', exception: 'ValidationException', message: 'Stream <name> under account <account> is in PROVISIONED capacity mode. UpdateStreamWarmThroughput is only supported for data streams with the on-demand capacity mode.', why: `${NEW_API} The API reference's ValidationException text for this operation is inverted (it says the API is "only supported for data streams with the provisioned capacity mode"), so the simulator words it the way the operation works.` },
  { service: 'Kinesis Data Streams', operation: 'UpdateStreamWarmThroughput', exception: 'LimitExceededException', message: 'WarmThroughputMiBps <n> for stream <name> under account <account> exceeds the on-demand write throughput limit of <max> MiBps for this Region.', why: `${NEW_API} The API reference says only "Scale to more than 10 GiBps" is not allowed by default; which exception answers it is not stated.` },
  { service: 'Kinesis Data Streams', operation: 'UpdateStreamMode', exception: 'InvalidArgumentException', message: 'Stream <name> under account <account> is already in <mode> capacity mode.', why: NO_TEXT },
  { service: 'Kinesis Data Streams', operation: 'UpdateStreamMode', exception: 'LimitExceededException', message: 'Stream <name> under account <account> has already switched capacity mode <n> times in the last 24 hours. The capacity mode can be switched at most 2 times per rolling 24-hour period.', why: 'The quotas page states the twice-per-24-hours rule, not the message.' },
  { service: 'Kinesis Data Streams', operation: 'SplitShard, MergeShards, UpdateShardCount', exception: 'ValidationException', message: '<Operation> is not supported for stream <name> under account <account> because it is in ON_DEMAND capacity mode.', why: 'The API reference says these operations are for provisioned streams only; the message is not published.' },
  { service: 'Kinesis Data Streams', operation: 'all (StreamARN given)', exception: 'InvalidArgumentException', message: 'StreamARN <arn> is not a valid stream ARN.', why: NO_TEXT },
  { service: 'Kinesis Data Streams', operation: 'ListShards', exception: 'InvalidArgumentException', message: 'ShardId must be supplied in a ShardFilter with a Type of AFTER_SHARD_ID.', why: 'ShardFilter (2020) postdates the emulators whose texts match AWS; the API reference gives the rule only.' },
  { service: 'Kinesis Data Streams', operation: 'ListShards', exception: 'InvalidArgumentException', message: 'Timestamp must be supplied in a ShardFilter with a Type of <type>.', why: 'As above.' },
  { service: 'Kinesis Data Streams', operation: 'ListShards', exception: 'ExpiredNextTokenException', message: 'NextToken expired. It was issued at <time> and NextTokens expire after 300 seconds.', why: 'The API reference gives the 300-second rule; this text and ListStreamConsumers\' are the simulator\'s and should converge once one is confirmed.' },
  { service: 'Kinesis Data Streams', operation: 'ListStreamConsumers', exception: 'ExpiredNextTokenException', message: 'The NextToken has expired. <rest>', why: 'As for ListShards.' },
  { service: 'Kinesis Data Streams', operation: 'RegisterStreamConsumer', exception: 'LimitExceededException', message: 'Stream <name> under account <account> already has <n> registered consumers. Limit: 20.', why: 'The quotas page states 20 consumers per stream, not the message.' },
  { service: 'Kinesis Data Streams', operation: 'RegisterStreamConsumer', exception: 'LimitExceededException', message: 'Only 5 consumers can be in the CREATING state at once for the account <account>.', why: 'The quotas page states the rule, not the message.' },
  { service: 'Kinesis Data Streams', operation: 'RegisterStreamConsumer', exception: 'ResourceInUseException', message: 'Consumer <name> under stream <arn> already exists.', why: NO_TEXT },
  { service: 'Kinesis Data Streams', operation: 'DescribeStreamConsumer, DeregisterStreamConsumer', exception: 'InvalidArgumentException', message: 'Either ConsumerARN or both ConsumerName and StreamARN must be provided.', why: NO_TEXT },
  { service: 'Kinesis Data Streams', operation: 'AddTagsToStream, RemoveTagsFromStream', exception: 'ResourceInUseException', message: 'Stream <name> under account <account> not ACTIVE, instead in state <status>', why: 'The API reference lists ResourceInUseException for a stream that is not ACTIVE; the tagging operations\' own wording is not published (the text is the one kinesalite recorded for other operations).' },
  { service: 'Kinesis Data Streams', operation: 'AddTagsToStream', exception: 'InvalidArgumentException', message: 'Failed to add tags to stream <name> under account <account> because a given request cannot have more than 10 tags.', why: 'The API reference states the 10-tags-per-call rule, not the message.' },
  { service: 'Kinesis Data Streams', operation: 'AddTagsToStream, TagResource', exception: 'InvalidArgumentException', message: 'Failed to add tags to <resource> because a given resource cannot have more than 50 tags associated with it.', why: 'The tagging page states the 50-tags rule, not the message.' },
  { service: 'Kinesis Data Streams', operation: 'AddTagsToStream, RemoveTagsFromStream, TagResource, UntagResource', exception: 'InvalidArgumentException', message: 'Tag key <key> uses the reserved prefix aws:, which is reserved for AWS use.', why: 'The tagging page reserves the aws: prefix; the message is not published.' },
  { service: 'Kinesis Data Streams', operation: 'StartStreamEncryption', exception: 'KMSNotFoundException', message: 'Invalid keyId <keyId>', why: 'The simulator has no KMS: a KeyId in none of the key forms stands for a key that does not exist. AWS documents the exception, not its message.' },
  { service: 'Kinesis Data Streams', operation: 'StartStreamEncryption, StopStreamEncryption', exception: 'LimitExceededException', message: 'Stream <name> under account <account> has already <change> <n> times in the last 24 hours. The limit is 25.', why: 'The API reference states the 25-per-rolling-24-hours rule, not the message.' },
  { service: 'Kinesis Data Streams', operation: 'PutResourcePolicy', exception: 'InvalidArgumentException', message: 'The policy is not valid JSON: it must be a JSON object.', why: NO_TEXT },
  { service: 'Kinesis Data Streams', operation: 'DeleteResourcePolicy', exception: 'ResourceNotFoundException', message: 'No resource policy found for resource <arn>.', why: 'Without an AWS account the answer for a resource that has no policy cannot be checked; the API reference lists the exception only.' },
  { service: 'Kinesis Data Streams', operation: 'SubscribeToShard', exception: 'ResourceInUseException', message: 'Consumer <arn> under account <account> is not ACTIVE, instead in state <status>.', why: NO_TEXT },
  // Amazon Data Firehose
  { service: 'Amazon Data Firehose', operation: 'CreateDeliveryStream, UpdateDestination', exception: 'InvalidArgumentException', message: 'Processor parameter <name> value <value> is out of range; it must be between <min> and <max>.', why: 'The data-transformation page gives the ranges (BufferSizeInMBs 0.2-3, BufferIntervalInSeconds 0-900, NumberOfRetries 0-300), not the message.' },
  { service: 'Amazon Data Firehose', operation: 'CreateDeliveryStream, UpdateDestination', exception: 'InvalidArgumentException', message: 'Processor parameter <name> is not valid for processor type Lambda.', why: NO_TEXT },
  { service: 'Amazon Data Firehose', operation: 'CreateDeliveryStream, UpdateDestination', exception: 'InvalidArgumentException', message: 'LambdaArn is a required parameter for processor type Lambda.', why: NO_TEXT },
  { service: 'Amazon Data Firehose', operation: 'CreateDeliveryStream, UpdateDestination', exception: 'InvalidArgumentException', message: 'BufferingHints.IntervalInSeconds must be at least 60 when dynamic partitioning is enabled.', why: 'The buffering-hints page states the rule, not the message.' },
  { service: 'Amazon Data Firehose', operation: 'CreateDeliveryStream, UpdateDestination', exception: 'InvalidArgumentException', message: 'ErrorOutputPrefix cannot be null or empty when Prefix contains expressions.', why: 'The custom-prefixes page requires an error prefix when Prefix has expressions; the message is not published.' },
  { service: 'Amazon Data Firehose', operation: 'CreateDeliveryStream, UpdateDestination', exception: 'InvalidArgumentException', message: 'When dynamic partitioning is enabled, Prefix must contain at least one partitionKeyFromQuery or partitionKeyFromLambda expression.', why: 'The dynamic-partitioning page states the rule, not the message.' },
  { service: 'Amazon Data Firehose', operation: 'CreateDeliveryStream, UpdateDestination', exception: 'InvalidArgumentException', message: 'BufferingHints.SizeInMBs must be at least 64 when data format conversion is enabled.', why: 'The record-format-conversion page states the 64 MiB minimum, not the message.' },
  { service: 'Amazon Data Firehose', operation: 'CreateDeliveryStream, UpdateDestination', exception: 'InvalidArgumentException', message: 'CustomTimeZone <zone> is not supported by the simulator (<supported zones>).', why: SIM_ONLY },
  { service: 'Amazon Data Firehose', operation: 'CreateDeliveryStream', exception: 'InvalidArgumentException', message: 'MSKAsSource is not simulated.', why: SIM_ONLY },
  { service: 'Amazon Data Firehose', operation: 'UpdateDestination', exception: 'InvalidArgumentException', message: 'Dynamic partitioning cannot be disabled once it is enabled.', why: 'The dynamic-partitioning page states the rule, not the message.' },
  { service: 'Amazon Data Firehose', operation: 'UpdateDestination', exception: 'InvalidArgumentException', message: 'Dynamic partitioning can only be enabled when the Firehose stream is created.', why: 'The dynamic-partitioning page states the rule, not the message.' },
  { service: 'Amazon Data Firehose', operation: 'PutRecord, PutRecordBatch', exception: 'InvalidArgumentException', message: 'This operation is not permitted on KinesisStreamAsSource type delivery stream <name> under account <account>. (<operation>)', why: 'Modelled on texts quoted in forum posts; not in AWS documentation.' },
  { service: 'Amazon Data Firehose', operation: 'CreateDeliveryStream, UpdateDestination', exception: 'InvalidArgumentException', message: 'Table <table> in database <database> was not found in the AWS Glue Data Catalog.', why: 'The record-format-conversion pages say Firehose reads the schema from the Glue table; what CreateDeliveryStream answers for a missing table is not documented (AWS may only fail the records later, with a DataFormatConversion error code).' },
  { service: 'Amazon Data Firehose', operation: 'CreateDeliveryStream, UpdateDestination', exception: 'InvalidArgumentException', message: 'SchemaConfiguration must name a Glue table with DatabaseName and TableName (or, in the simulator, list Columns).', why: NO_TEXT },
  // The simulated AWS Glue Data Catalog (GetTable's "Table <name> not found." is the text real Glue answers, seen in published Terraform error output, so it is not listed)
  { service: 'AWS Glue', operation: 'CreateTable, GetTable', exception: 'EntityNotFoundException', message: 'Database <database> not found.', why: 'Worded like GetTable\'s confirmed "Table <name> not found."; the database form is not published.' },
  { service: 'AWS Glue', operation: 'CreateDatabase', exception: 'AlreadyExistsException', message: 'Database already exists.', why: NO_TEXT },
  { service: 'AWS Glue', operation: 'CreateTable', exception: 'AlreadyExistsException', message: 'Table already exists.', why: NO_TEXT },
];
