import { referentielFileSchema, type ReferentielFile, type ReferentielId } from './commitment';
import cher from './data/cher.json';
import loire from './data/loire.json';
import somme from './data/somme.json';

// Imported (not read from disk) so the build ships them in dist/ with the code.
const files: Record<ReferentielId, unknown> = { cher, loire, somme };

/** A shipped référentiel (services/referentiel/data/<id>.json), validated. */
export function readReferentielFile(id: ReferentielId): ReferentielFile {
  return referentielFileSchema.parse(files[id]);
}
