// Provenance as GraphQL exposes it: the source document and lines behind a fact.
import { builder } from '../builder.js';

export interface SourceShape {
  sourceDocument?: string | null;
  sourceLines: string | null;
}

export const SourceRef = builder.objectRef<SourceShape>('SourceReference').implement({
  description: 'Where a fact comes from (bron): a source report and its lines.',
  fields: (t) => ({
    document: t.string({
      nullable: true,
      description: 'File name of the source report, e.g. 002_274c437a37338521.txt.',
      resolve: (s) => s.sourceDocument ?? null,
    }),
    lines: t.string({ nullable: true, description: 'Line reference in the report, e.g. "L1400-1408".', resolve: (s) => s.sourceLines }),
  }),
});

/** Adds the standard `source` field to a type whose rows carry provenance. */
export const sourceField = {
  type: SourceRef,
  description: 'Where this fact comes from (bron).',
  resolve: (row: SourceShape) => row,
} as const;
