import { describe, expect, it } from 'vitest';
import { isLoopback, parseArgs } from '../../src/server/args';

describe('parseArgs', () => {
  it('defaults to 127.0.0.1:4567 at wall speed, no state', () => {
    expect(parseArgs([])).toEqual({ port: 4567, host: '127.0.0.1', speed: 1, saveEverySec: 10, seed: '1', help: false });
  });

  it('reads every flag', () => {
    expect(parseArgs(['--port', '0', '--host', '0.0.0.0', '--speed', '10', '--state', 's.json', '--save-every', '0', '--seed', 'abc'])).toEqual({
      port: 0,
      host: '0.0.0.0',
      speed: 10,
      state: 's.json',
      saveEverySec: 0,
      seed: 'abc',
      help: false,
    });
  });

  it('refuses unknown flags, missing values and out-of-range numbers', () => {
    expect(() => parseArgs(['--verbose'])).toThrow(/^Unknown option --verbose\.\nUsage: npm run serve/);
    expect(() => parseArgs(['--port'])).toThrow('--port needs a value.');
    expect(() => parseArgs(['--port', '70000'])).toThrow('--port must be a number from 0 to 65535, got 70000.');
    expect(() => parseArgs(['--speed', '0.1'])).toThrow('--speed must be a number from 0.25 to 10000, got 0.1.');
  });
});

describe('isLoopback', () => {
  it('tells loopback addresses (no warning) from the rest (a warning at startup)', () => {
    expect(['127.0.0.1', 'localhost', '::1', '127.0.0.2'].map(isLoopback)).toEqual([true, true, true, true]);
    expect(['0.0.0.0', '::', '192.168.1.4'].map(isLoopback)).toEqual([false, false, false]);
  });
});
