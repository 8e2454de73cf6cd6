/**
 * How long a form sent again counts as the same submission. Teams redelivers within minutes (PLATFORM.md) and a
 * person told « momentanément indisponible » clicks again within the hour; a day covers both.
 */
export const resubmissionWindowMs = 24 * 60 * 60 * 1000;

/**
 * True when a stored record is an earlier attempt of the same form: stored less than a day before `now`, and every
 * field the form sets equal (given in the same order for both). Records made from forms (fraud signals,
 * complaints) use it so a retried form finishes the first record instead of counting one event twice.
 */
export function isRetriedSubmission(storedAt: string, now: Date, storedFields: readonly unknown[], draftFields: readonly unknown[]): boolean {
  const age = now.getTime() - Date.parse(storedAt);
  return (
    age >= 0 &&
    age < resubmissionWindowMs &&
    storedFields.length === draftFields.length &&
    storedFields.every((value, index) => Object.is(value, draftFields[index]))
  );
}
