/** The flags of `npm run serve`, parsed without a library (there are few). */

export interface ServeOptions {
  port: number;
  host: string;
  speed: number;
  state?: string;
  /** Wall seconds between state saves (besides the save on exit). */
  saveEverySec: number;
  seed: string;
  help: boolean;
}

export const USAGE = `Usage: npm run serve -- [--port 4567] [--host 127.0.0.1] [--speed 1] [--state FILE] [--save-every 10] [--seed 1]
  --port N         TCP port (default 4567, as kinesalite)
  --host ADDR      address to listen on (default 127.0.0.1; anything else is reachable from other machines)
  --speed X        simulated seconds per wall second (default 1, 0.25..10000)
  --state FILE     save the run (scenario + moment) to FILE on exit and every --save-every seconds; restore it at start
  --save-every S   wall seconds between saves with --state (default 10; 0: only on exit)
  --seed S         the simulation's seed for a fresh run (default 1)`;

/** Parses argv (without node and the script); throws with a message on a bad flag. */
export function parseArgs(argv: readonly string[]): ServeOptions {
  const o: ServeOptions = { port: 4567, host: '127.0.0.1', speed: 1, saveEverySec: 10, seed: '1', help: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value.`);
      return v;
    };
    const num = (v: string, min: number, max: number) => {
      const n = Number(v);
      if (!Number.isFinite(n) || n < min || n > max) throw new Error(`${flag} must be a number from ${min} to ${max}, got ${v}.`);
      return n;
    };
    switch (flag) {
      case '--port':
        o.port = num(value(), 0, 65535);
        break;
      case '--host':
        o.host = value();
        break;
      case '--speed':
        o.speed = num(value(), 0.25, 10000);
        break;
      case '--state':
        o.state = value();
        break;
      case '--save-every':
        o.saveEverySec = num(value(), 0, 86400);
        break;
      case '--seed':
        o.seed = value();
        break;
      case '--help':
      case '-h':
        o.help = true;
        break;
      default:
        throw new Error(`Unknown option ${flag}.\n${USAGE}`);
    }
  }
  return o;
}

/** True for addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '::1' || /^127\./.test(host);
}
