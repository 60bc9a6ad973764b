// Object refs shared by type modules that point at each other (agency <-> centrumgemeente).
import type { CentrumgemeenteRecord } from '../repositories/reference-repository.js';
import { builder } from './builder.js';

export const CentrumgemeenteRef = builder.objectRef<CentrumgemeenteRecord>('Centrumgemeente');
