/**
 * `npm run serve`: the simulator as a local AWS endpoint for the real AWS
 * CLI, boto3, the SDKs and the KCL. See the README's "Local endpoint" section.
 */
import { parseArgs, isLoopback, USAGE } from './args';
import { SimHost, emptyScenario } from './simHost';
import { startEndpoint } from './endpoint';
import { readState, writeState } from './stateFile';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

/** The built app, served at / when it exists (`npm run build` makes it). */
const APP_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');

async function main(): Promise<void> {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
  if (opts.help) {
    console.log(USAGE);
    return;
  }
  const restored = opts.state !== undefined ? readState(opts.state) : undefined;
  const seed = /^\d{1,15}$/.test(opts.seed) ? Number(opts.seed) : opts.seed;
  const host = new SimHost({
    scenario: restored?.scenario ?? emptyScenario(Date.now(), seed),
    offsetMs: restored?.offsetMs,
    speed: opts.speed,
    recordData: opts.state !== undefined,
  });
  const appDir = existsSync(join(APP_DIR, 'index.html')) ? APP_DIR : undefined;
  const endpoint = await startEndpoint(host, { host: opts.host, port: opts.port, appDir, onNotice: (t) => console.warn(t) });
  host.start();
  if (!isLoopback(opts.host)) console.warn(`WARNING: listening on ${opts.host}: other machines can reach this endpoint, and it checks no credentials.`);
  console.log(`Kinesis simulator endpoint on ${endpoint.url} (HTTP/1.1 and h2c), speed ${opts.speed}x.`);
  console.log('Signatures are accepted and NOT checked: any access key works. CBOR is refused: Java clients need AWS_CBOR_DISABLE=true (SDK v1) or -Daws.cborEnabled=false (SDK v2).');
  console.log(`  aws --endpoint-url ${endpoint.url} kinesis list-streams`);
  console.log(appDir !== undefined ? `The app, attached to this simulation: ${endpoint.url}/?server=1` : 'Run `npm run build` first to have the app served here, attached to this simulation.');
  if (restored !== undefined) console.log(`Restored ${opts.state}: ${restored.scenario.commands.length} commands, at +${Math.round(restored.offsetMs / 1000)} s.`);
  else if (opts.state !== undefined) console.log(`State will be saved to ${opts.state}.`);

  const save = async () => {
    if (opts.state !== undefined) writeState(opts.state, await host.state());
  };
  const saver = opts.state !== undefined && opts.saveEverySec > 0 ? setInterval(() => void save().catch((e) => console.error(`Saving ${opts.state} failed: ${(e as Error).message}`)), opts.saveEverySec * 1000) : undefined;
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    if (saver !== undefined) clearInterval(saver);
    await host.stop();
    await save();
    await endpoint.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

void main().catch((e) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
