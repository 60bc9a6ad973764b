// A table as printed in a source report, kept whole: cells as the report gives them, empty cells as unknown.
import { z } from 'zod';

export const TableCell = z.union([z.string(), z.number(), z.null()]);
export type TableCell = z.infer<typeof TableCell>;

export const PublishedTable = z.object({
  id: z.string(),
  centrumgemeenteId: z.string(),
  title: z.string(),
  sourceOrg: z.string().nullable(),
  scope: z.string().nullable(),
  unit: z.string().nullable(),
  unitNote: z.string().nullable(),
  columns: z.array(z.string()),
  /** Column meanings, in column order; null where the source explains none. */
  columnGloss: z.array(z.string().nullable()),
  /** Neo4j stores no nested lists: rows travel as JSON text in the graph and as lists in the API. */
  rowsJson: z.string(),
  note: z.string().nullable(),
  sourceLines: z.string().nullable(),
});
export type PublishedTable = z.infer<typeof PublishedTable>;
