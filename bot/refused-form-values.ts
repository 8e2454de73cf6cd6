/**
 * What a form held when its payload failed validation, read back so the form can be shown again with the person's
 * typing kept: strings only, cut to the inputs' sizes; anything else becomes ''.
 */
export function refusedFormValues(raw: Record<string, unknown>): { typed: (key: string, max: number) => string; etag: string } {
  return {
    typed: (key, max) => {
      const value = raw[key];
      return typeof value === 'string' ? value.slice(0, max) : '';
    },
    // An ETag is opaque; one longer than any the storage gives is not one.
    etag: typeof raw.etag === 'string' && raw.etag.length <= 200 ? raw.etag : '',
  };
}
