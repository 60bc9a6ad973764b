// The ids Ketenkaart generates carry a prefix that says what they name.
/** Prefixes of generated ids, so that an id says what it names in logs and URLs. */
export const idPrefix = {
  household: 'hh',
  person: 'p',
  event: 'ev',
  referral: 'ref',
  regie: 'rg',
} as const;
