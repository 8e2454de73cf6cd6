import type { CheckItem } from '../../services/checks/check-item';
import {
  applyCheckItemEdit,
  buildNewCheckItem,
  checkItemIdFromLabel,
  draftOf,
  findOwner,
  parseCheckLocation,
  parseServiceCode,
  reassignCheckItem,
  setCheckItemActive,
  type CheckItemDraft,
  type CheckItemReferences,
} from '../../services/checks/check-item-edit';

const alexId = '00000000-0000-0000-0000-0000000000020';
const meganId = '00000000-0000-0000-0000-0000000000021';
const lynneId = '00000000-0000-0000-0000-0000000000025';
const refs: CheckItemReferences = {
  people: [
    { id: alexId, name: 'Alex Wilber', email: 'alex.wilber@cher.gouv.fr', service: 'SGCD' },
    { id: meganId, name: 'Megan Bowen', email: 'megan.bowen@cher.gouv.fr', service: 'BMI' },
    { id: lynneId, name: 'Sans Service', email: 'sans.service@cher.gouv.fr' },
  ],
  serviceCodes: ['SGCD', 'BMI', 'CERT'],
  commitmentIds: ['E.1', 'E.10', 'E.11', 'E.32'],
};
const now = new Date('2026-11-23T09:00:00.000Z');
const draft = (overrides: Partial<CheckItemDraft> = {}): CheckItemDraft => ({
  label: 'Horaires d’ouverture affichés dans le hall',
  commitment: 'E.1',
  location: 'hall',
  url: '',
  owner: alexId,
  service: '',
  ...overrides,
});
const stored: CheckItem = {
  id: 'HALL-HORAIRES',
  label: 'Horaires d’ouverture',
  commitment: 'E.1',
  location: 'hall',
  ownerId: alexId,
  service: 'SGCD',
  active: true,
  createdAt: '2026-01-05T08:00:00.000Z',
};

describe('ids made from labels', () => {
  it.each([
    ['Affichage du hall : horaires', 'AFFICHAGE-HALL-HORAIRES'],
    ['Horaires d’ouverture et conditions d’accès', 'HORAIRES-OUVERTURE-CONDITIONS'],
    ['Délais des titres de séjour', 'DELAIS-TITRES-SEJOUR'],
    ['Cœur de ville', 'COEUR-VILLE'],
    ['Le', 'LE'],
    ['?!', 'ELEMENT'],
  ])('turns %j into %s', (label, id) => {
    expect(checkItemIdFromLabel(label, [])).toBe(id);
  });

  it('adds -2, -3 when the id is taken, and stays a valid id for any label', () => {
    expect(checkItemIdFromLabel('Hall horaires', ['HALL-HORAIRES'])).toBe('HALL-HORAIRES-2');
    expect(checkItemIdFromLabel('Hall horaires', ['HALL-HORAIRES', 'HALL-HORAIRES-2'])).toBe('HALL-HORAIRES-3');
    expect(checkItemIdFromLabel('x'.repeat(200), [])).toMatch(/^[A-Z0-9][A-Z0-9-]{1,39}$/);
  });
});

describe('locations as typed', () => {
  it.each([
    ['hall', 'hall'],
    ['Affichage du hall', 'hall'],
    ['site', 'website'],
    ['Site internet', 'website'],
    ['téléphone', 'phone'],
    ['TELEPHONE', 'phone'],
    ['dépliant', 'brochure'],
    ['depliant', 'brochure'],
    ['autre', 'other'],
    ['Brochure', 'brochure'],
  ])('reads %j as %s', (typed, location) => {
    expect(parseCheckLocation(typed)).toBe(location);
  });

  it('reads nothing else', () => {
    expect(parseCheckLocation('vitrine')).toBeUndefined();
  });

  it('reads no name objects hold as a location (issue 10)', () => {
    for (const typed of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) expect(parseCheckLocation(typed)).toBeUndefined();
  });
});

describe('owners and services as a combobox may send them', () => {
  it('finds the owner by id, e-mail, or a name only one person has', () => {
    expect(findOwner(refs.people, meganId)?.id).toBe(meganId);
    expect(findOwner(refs.people, 'MEGAN.BOWEN@cher.gouv.fr')?.id).toBe(meganId);
    expect(findOwner(refs.people, 'megan bowen')?.id).toBe(meganId);
    expect(findOwner(refs.people, 'Megan Bowen (BMI)')?.id).toBe(meganId);
    expect(findOwner([...refs.people, { id: 'x', name: 'Megan Bowen' }], 'Megan Bowen')).toBeUndefined();
    expect(findOwner(refs.people, 'Megan')).toBeUndefined();
  });

  it('reads a service code, or the code in a choice title', () => {
    expect(parseServiceCode(' bmi ')).toBe('BMI');
    expect(parseServiceCode('Bureau des migrations et de l’intégration (BMI)')).toBe('BMI');
    expect(parseServiceCode('')).toBe('');
  });
});

describe('creating an item from the form', () => {
  it('builds an active item created now, in the owner’s service when none is chosen', () => {
    expect(buildNewCheckItem(draft({ owner: 'Alex.Wilber@cher.gouv.fr', commitment: 'e.1' }), refs, ['HALL-HORAIRES'], now)).toEqual({
      ok: true,
      item: {
        id: 'HORAIRES-OUVERTURE-AFFICHES',
        label: 'Horaires d’ouverture affichés dans le hall',
        commitment: 'E.1',
        location: 'hall',
        url: undefined,
        ownerId: alexId,
        service: 'SGCD',
        active: true,
        createdAt: now.toISOString(),
      },
    });
  });

  it('keeps a chosen service and de-duplicates the id', () => {
    const result = buildNewCheckItem(draft({ label: 'Hall horaires', service: 'bmi' }), refs, ['HALL-HORAIRES'], now);
    expect(result.ok && result.item).toMatchObject({ id: 'HALL-HORAIRES-2', service: 'BMI' });
  });

  it('requires an http(s) address for the website', () => {
    expect(buildNewCheckItem(draft({ location: 'site' }), refs, [], now)).toEqual({
      ok: false,
      errors: { url: 'Indiquez l’adresse de la page du site internet.' },
    });
    expect(buildNewCheckItem(draft({ location: 'site', url: 'ftp://cher.gouv.fr' }), refs, [], now)).toMatchObject({
      ok: false,
      errors: { url: expect.stringContaining('https://') },
    });
    const ok = buildNewCheckItem(draft({ location: 'website', url: 'https://www.cher.gouv.fr/horaires' }), refs, [], now);
    expect(ok.ok && ok.item.url).toBe('https://www.cher.gouv.fr/horaires');
  });

  it('names every wrong field in French, and writes nothing', () => {
    const result = buildNewCheckItem({ label: ' ', commitment: 'E.99', location: 'vitrine', url: 'pas une adresse', owner: 'inconnu@cher.gouv.fr', service: 'XYZ' }, refs, [], now);
    expect(result).toEqual({
      ok: false,
      errors: {
        label: 'Indiquez ce qui est contrôlé.',
        commitment: 'Engagement « E.99 » absent du référentiel (ex. E.1, E.10, E.11).',
        location: expect.stringContaining('hall, site, téléphone'),
        url: expect.stringContaining('Adresse web invalide'),
        owner: 'Personne introuvable dans l’annuaire : « inconnu@cher.gouv.fr ».',
        service: 'Service « XYZ » inconnu.',
      },
    });
  });

  it('accepts any short commitment when the référentiel is not loaded', () => {
    expect(buildNewCheckItem(draft({ commitment: '10.6' }), { ...refs, commitmentIds: [] }, [], now).ok).toBe(true);
    expect(buildNewCheckItem(draft({ commitment: 'x'.repeat(21) }), { ...refs, commitmentIds: [] }, [], now).ok).toBe(false);
  });

  it('asks for a service when the owner has none', () => {
    expect(buildNewCheckItem(draft({ owner: lynneId }), refs, [], now)).toEqual({ ok: false, errors: { service: expect.stringContaining('Choisissez un service') } });
  });
});

describe('editing, reassigning, retiring', () => {
  it('keeps id, creation date and active flag', () => {
    const result = applyCheckItemEdit(stored, draftOf({ ...stored, label: 'Horaires et accès' }), refs);
    expect(result).toEqual({ ok: true, item: { ...stored, label: 'Horaires et accès', url: undefined } });
  });

  it('moves the item to the new owner’s service when the service was left as it was', () => {
    const result = applyCheckItemEdit(stored, { ...draftOf(stored), owner: meganId }, refs);
    expect(result.ok && result.item).toMatchObject({ ownerId: meganId, service: 'BMI' });
  });

  it('keeps another service chosen with the new owner', () => {
    const result = applyCheckItemEdit(stored, { ...draftOf(stored), owner: meganId, service: 'CERT' }, refs);
    expect(result.ok && result.item).toMatchObject({ ownerId: meganId, service: 'CERT' });
  });

  it('reassigns with the new owner’s service, or keeps the service when they have none', () => {
    expect(reassignCheckItem(stored, { id: meganId, service: 'BMI' })).toMatchObject({ ownerId: meganId, service: 'BMI' });
    expect(reassignCheckItem(stored, { id: lynneId })).toMatchObject({ ownerId: lynneId, service: 'SGCD' });
  });

  it('retires and restores, and says when there is nothing to do', () => {
    const retired = setCheckItemActive(stored, false);
    expect(retired).toEqual({ ...stored, url: undefined, active: false });
    expect(setCheckItemActive(stored, true)).toBeUndefined();
    expect(retired && setCheckItemActive(retired, true)).toMatchObject({ active: true });
  });
});
