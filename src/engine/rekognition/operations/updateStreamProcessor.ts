/**
 * UpdateStreamProcessor: changes a label detection processor's labels and
 * minimum confidence (SettingsForUpdate.ConnectedHomeForUpdate), its regions
 * of interest and its data sharing preference, or deletes the minimum
 * confidence or the regions (ParametersToDelete) [BC-REK UpdateStreamProcessor].
 * The processor shows UPDATING for a second, then its earlier status.
 *
 * Modelled, not confirmed against AWS: an update is taken only while the
 * processor is STOPPED or FAILED (ResourceInUseException otherwise, as
 * StartStreamProcessor answers a busy processor), and a face search processor
 * takes no ConnectedHome settings or regions (InvalidParameterException; the
 * reference calls regions "an optional parameter for label detection stream
 * processors").
 */
import { AwsError, resourceInUse } from '../../core/errors';
import type { SimCore } from '../../core/simCore';
import type { RekognitionContext } from '../context';
import type { ProcessorStatus, RegionOfInterest } from '../types';
import { requireProcessor } from './requireProcessor';

export interface UpdateStreamProcessorInput {
  Name: string;
  SettingsForUpdate?: { ConnectedHomeForUpdate?: { Labels?: string[]; MinConfidence?: number } };
  RegionsOfInterestForUpdate?: RegionOfInterest[];
  DataSharingPreferenceForUpdate?: { OptIn: boolean };
  ParametersToDelete?: Array<'ConnectedHomeMinConfidence' | 'RegionsOfInterest'>;
}

const LABELS = ['PERSON', 'PET', 'PACKAGE', 'ALL'];
/** How long a processor shows UPDATING (simulated). */
const UPDATE_MS = 1000;

export function updateStreamProcessor(ctx: RekognitionContext, input: UpdateStreamProcessorInput): Record<string, never> {
  const p = requireProcessor(ctx, input.Name);
  if (p.status !== 'STOPPED' && p.status !== 'FAILED') throw resourceInUse(`Stream processor ${p.name} is ${p.status}; stop it before updating it.`);
  const home = input.SettingsForUpdate?.ConnectedHomeForUpdate;
  const deletes = input.ParametersToDelete ?? [];
  const current = p.settings.ConnectedHome;
  if (current === undefined && (home !== undefined || input.RegionsOfInterestForUpdate !== undefined || deletes.length > 0)) {
    throw new AwsError('InvalidParameterException', 'Only a label detection (ConnectedHome) stream processor takes ConnectedHome settings and regions of interest.');
  }
  if (home?.Labels !== undefined && home.Labels.some((l) => !LABELS.includes(l))) throw new AwsError('InvalidParameterException', 'ConnectedHome.Labels must list PERSON, PET, PACKAGE or ALL.');
  if (home?.MinConfidence !== undefined && deletes.includes('ConnectedHomeMinConfidence')) throw new AwsError('InvalidParameterException', 'MinConfidence cannot be both updated and deleted.');
  if (input.RegionsOfInterestForUpdate !== undefined && deletes.includes('RegionsOfInterest')) throw new AwsError('InvalidParameterException', 'RegionsOfInterest cannot be both updated and deleted.');

  if (current !== undefined) {
    const next = { ...current };
    if (home?.Labels !== undefined) next.Labels = home.Labels;
    if (home?.MinConfidence !== undefined) next.MinConfidence = home.MinConfidence;
    if (deletes.includes('ConnectedHomeMinConfidence')) delete next.MinConfidence;
    p.settings = { ...p.settings, ConnectedHome: next };
  }
  if (input.RegionsOfInterestForUpdate !== undefined) p.regionsOfInterest = input.RegionsOfInterestForUpdate.length > 0 ? input.RegionsOfInterestForUpdate : undefined;
  if (deletes.includes('RegionsOfInterest')) delete p.regionsOfInterest;
  if (input.DataSharingPreferenceForUpdate !== undefined) p.dataSharingOptIn = input.DataSharingPreferenceForUpdate.OptIn;

  const before = p.status;
  p.status = 'UPDATING';
  p.updatedAt = ctx.core.now();
  ctx.core.events.emit({ type: 'streamProcessorStatus', time: ctx.core.now(), processor: p.name, status: 'UPDATING' });
  ctx.core.scheduleEvent(UPDATE_MS, 'rekognition.updated', { processor: p.name, epoch: p.epoch, back: before });
  return {};
}

/** The end of an update: the processor returns to the status it had. */
export function registerUpdateEvents(core: SimCore, ctx: RekognitionContext): void {
  core.registerHandler<{ processor: string; epoch: number; back: ProcessorStatus }>('rekognition.updated', ({ processor, epoch, back }) => {
    const p = ctx.processors.get(processor);
    if (p === undefined || p.epoch !== epoch || p.status !== 'UPDATING') return;
    p.status = back;
    p.updatedAt = core.now();
    core.events.emit({ type: 'streamProcessorStatus', time: core.now(), processor: p.name, status: back });
  });
}
