/**
 * @faker-js/faker, loaded lazily: it is large, and most scenarios only need the
 * built-in helpers of templates.ts. The import is asynchronous, so a scenario
 * that uses faker placeholders should `await sim.traffic.loadFaker()` (tracked
 * with core.track, so sim.advance also waits for it) before it runs. Until
 * faker has loaded, placeholders the built-in helpers do not know render as
 * an empty string; sizes of bulk records never depend on it (they are padded
 * to the producer's record size), so counts and metrics are the same either way.
 * Every record reseeds faker from the record's own seed, so its output is
 * deterministic whatever ran before.
 */
export interface FakerLike {
  seed(seed: number): unknown;
  [module: string]: unknown;
}

let loaded: FakerLike | undefined;
let loading: Promise<FakerLike> | undefined;

/** Loads faker once; resolves to the faker instance. */
export function loadFaker(): Promise<FakerLike> {
  loading ??= import('@faker-js/faker').then((m) => {
    loaded = m.faker as unknown as FakerLike;
    return loaded;
  });
  return loading;
}

/** Faker if it has loaded, else undefined. */
export function fakerIfLoaded(): FakerLike | undefined {
  return loaded;
}

/**
 * Kinesis Data Generator templates use faker.js 4 names; faker 10 renamed them.
 * Old name -> new path (the KDG's own docs list the old ones).
 */
export const FAKER_ALIASES: Record<string, string> = {
  'random.number': 'number.int',
  'random.float': 'number.float',
  'random.uuid': 'string.uuid',
  'random.boolean': 'datatype.boolean',
  'random.arrayElement': 'helpers.arrayElement',
  'random.word': 'lorem.word',
  'random.words': 'lorem.words',
  'random.alphaNumeric': 'string.alphanumeric',
  'datatype.number': 'number.int',
  'datatype.uuid': 'string.uuid',
  'name.firstName': 'person.firstName',
  'name.lastName': 'person.lastName',
  'name.findName': 'person.fullName',
  'name.jobTitle': 'person.jobTitle',
  'address.city': 'location.city',
  'address.country': 'location.country',
  'address.state': 'location.state',
  'address.zipCode': 'location.zipCode',
  'address.latitude': 'location.latitude',
  'address.longitude': 'location.longitude',
};

/** Calls faker's function at `path` (e.g. 'person.firstName') with `args`; undefined when unknown. */
export function callFaker(f: FakerLike, path: string, args: unknown[]): string | undefined {
  const [mod, fn] = (FAKER_ALIASES[path] ?? path).split('.');
  const m = f[mod] as Record<string, unknown> | undefined;
  const g = m?.[fn];
  if (typeof g !== 'function') return undefined;
  // faker 4's random.number(max) took a bare max; number.int takes { max }.
  const a = (path === 'random.number' || path === 'datatype.number') && typeof args[0] === 'number' ? [{ max: args[0] }] : args;
  const v = (g as (...x: unknown[]) => unknown).apply(m, a);
  return v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
}
