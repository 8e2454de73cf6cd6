import integrationTeardown from '../integration/global-teardown';
import { writeReliabilityDoc } from '../support/reliability-doc';

/** Stops the suite's Azurite, then rewrites docs/RELIABILITY.md from the rows the tests recorded. */
export default async function globalTeardown(): Promise<void> {
  await integrationTeardown();
  writeReliabilityDoc();
}
