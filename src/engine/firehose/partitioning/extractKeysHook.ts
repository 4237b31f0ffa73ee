/**
 * The adapter the delivery pipeline registers as ProcessingHooks.extractKeys:
 * one memoising PartitionKeyExtractor per query. Answers synchronously once
 * jq is loaded; before that it returns a promise that loads jq first (the
 * pipeline tracks it with core.track, and it depends on no simulated event,
 * so sim.advance settles it before the next event).
 */
import { loadJq, loadedJq } from './jqRuntime';
import { PartitionKeyExtractor, type KeyExtraction } from './partitionKeys';

/** Makes the extractKeys hook. */
export function createExtractKeysHook(): (records: Uint8Array[], query: string) => KeyExtraction[] | Promise<KeyExtraction[]> {
  const extractors = new Map<string, PartitionKeyExtractor>();
  return (records, query) => {
    let ex = extractors.get(query);
    if (!ex) {
      ex = new PartitionKeyExtractor(query);
      extractors.set(query, ex);
    }
    const jq = loadedJq();
    if (jq) return ex.extract(records, jq);
    const extractor = ex;
    return loadJq().then((loaded) => extractor.extract(records, loaded));
  };
}
