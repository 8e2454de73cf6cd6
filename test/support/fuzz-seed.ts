import fc from 'fast-check';

// The security suite draws the same cases on every run, so CI is reproducible and a failure names its seed;
// `npm run test:soak`, or QUALIBOT_FUZZ_SEED=random, draws new ones (QUALIBOT_FUZZ_SEED=<n> replays a run).
const configured = process.env.QUALIBOT_FUZZ_SEED;
if (configured !== 'random' && process.env.QUALIBOT_SOAK !== '1') {
  const seed = Number(configured ?? 20261123);
  if (!Number.isInteger(seed)) throw new Error(`QUALIBOT_FUZZ_SEED must be a whole number or "random", not ${configured}`);
  fc.configureGlobal({ seed });
}
