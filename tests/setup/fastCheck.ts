/**
 * Property tests explore new random cases on every local run; under CI they use
 * one fixed seed, so a landing never depends on the luck of the draw. A failure
 * found locally prints its seed and path: reproduce it with
 * `fc.assert(..., { seed, path, endOnFailure: true })`.
 */
import fc from 'fast-check';

if (process.env.CI) fc.configureGlobal({ seed: 20261122 });
