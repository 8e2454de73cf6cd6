// Tests do real work (property runs, sweeps on a real Azurite): a loaded 2-core CI machine must not turn a slow
// test into a failure. Speed targets live in the benchmarks, never in test timeouts.
jest.setTimeout(30_000);
