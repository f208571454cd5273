// Loaded before the unit tests (see .mocharc.json): every fast-check property runs with one fixed
// seed, so CI is deterministic: a property that fails, fails on every run, with the same
// counterexample. `FC_SEED=random` (a new seed, printed) or `FC_SEED=<number>` explores further;
// a counterexample found that way becomes a fixed test of its own.
import fc from 'fast-check';

const seed = process.env.FC_SEED === 'random' ? Date.now() % 2 ** 31 : Number(process.env.FC_SEED ?? 20261204);
if (process.env.FC_SEED) process.stderr.write(`fast-check seed: ${seed}\n`);
fc.configureGlobal({ seed });
