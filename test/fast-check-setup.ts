// Property tests are reproducible by default: `npm test` (and so CI) always explores the same
// cases, so a red run means the change broke something, not that the dice found an old bug.
// `npm run fuzz` explores fresh cases: a random seed and FC_RUNS× the runs. It prints the seed;
// `FC_SEED=<seed> npm run fuzz` replays a failure, and the counterexample belongs in a fixed test.
import fc from 'fast-check'

const seed =
  process.env.FC_SEED === 'random'
    ? Date.now() ^ (Math.random() * 0x100000000)
    : Number(process.env.FC_SEED ?? 20261125)
if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer or "random", got ${process.env.FC_SEED}`)
fc.configureGlobal({ seed })
if (process.env.FC_SEED) console.log(`fast-check seed ${seed}`)

/** The number of runs for one property: `n` normally, `n × FC_RUNS` when fuzzing. */
export function runs(n: number): { numRuns: number } {
  const factor = Number(process.env.FC_RUNS ?? 1)
  return { numRuns: Math.max(1, Math.round(n * (Number.isFinite(factor) && factor > 0 ? factor : 1))) }
}
