/**
 * The adapter the delivery pipeline registers as ProcessingHooks.convertFormat:
 * reads the stream's DataFormatConversionConfiguration once per configuration
 * object and converts a flushed batch synchronously (hyparquet-writer must be
 * loaded: preloadFormatConversion at CreateDeliveryStream).
 */
import { convertRecords, type ConversionResult } from './convertRecords';
import { readConversionSettings, type ConversionSettings } from './formatConversionConfig';

type ConfigLike = Parameters<typeof readConversionSettings>[0];

/** Makes the convertFormat hook. */
export function createConvertFormatHook(): (records: Uint8Array[], config: ConfigLike) => Omit<ConversionResult, 'rows'> {
  const settings = new WeakMap<object, ConversionSettings>();
  return (records, config) => {
    let s = settings.get(config);
    if (!s) {
      s = readConversionSettings(config);
      settings.set(config, s);
    }
    return convertRecords(records, s);
  };
}
