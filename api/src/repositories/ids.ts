// New ids for facts recorded through the API: a readable prefix and a random part, never derived from personal data.
import { randomUUID } from 'node:crypto';
import { idPrefix } from '@ketenkaart/schema';

export function newId(kind: keyof typeof idPrefix): string {
  return `${idPrefix[kind]}_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
}
