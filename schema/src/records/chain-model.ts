// A city's published chain model (ketenaanpak) and its ordered stages, with regie per stage where the report assigns it.
import { z } from 'zod';
import { AgencyType } from './agency.js';
import { ChainState } from '../lifecycles/chain-state.js';

/**
 * Whether the report itself names an agency as regie holder (STATED, with the lines that say so) or Ketenkaart
 * reads it from what the report describes (INFERRED, with the reasoning). An inference is never shown as published.
 */
export const RegieBasis = z.enum(['STATED', 'INFERRED']);
export type RegieBasis = z.infer<typeof RegieBasis>;

const regieBasisFields = {
  regieBasis: RegieBasis.nullable(),
  /** STATED: the report's lines naming the holder. */
  regieBasisLines: z.string().nullable(),
  /** STATED: the report's words; INFERRED: why Ketenkaart reads this holder from the report. */
  regieBasisText: z.string().nullable(),
  /** The same in Dutch: the report's words, or Ketenkaart's reasoning labelled as its summary. */
  regieBasisTextNl: z.string().nullable(),
};

export const ChainModel = z.object({
  id: z.string(),
  centrumgemeenteId: z.string(),
  name: z.string().nullable(),
  /** False where the report gives no published model (Leeuwarden) and the steps are reconstructed from its text. */
  published: z.boolean(),
  publishedIn: z.string().nullable(),
  appliesToFamilies: z.boolean().nullable(),
  diagramMissingInText: z.boolean().nullable(),
  scope: z.string().nullable(),
  note: z.string().nullable(),
  sourceLines: z.string().nullable(),
});
export type ChainModel = z.infer<typeof ChainModel>;

export const ChainStage = z.object({
  id: z.string(),
  chainModelId: z.string(),
  order: z.number().int().positive(),
  name: z.string(),
  nameNl: z.string(),
  description: z.string(),
  /** Agency holding regie at this stage, or null where the report assigns none. */
  regieAgencyId: z.string().nullable(),
  regieNote: z.string().nullable(),
  /** The same in Dutch: the report's own words where it has them, else labelled as Ketenkaart's summary. */
  regieNoteNl: z.string().nullable(),
  ...regieBasisFields,
  actorAgencyIds: z.array(z.string()),
  sourceLines: z.string().nullable(),
});
export type ChainStage = z.infer<typeof ChainStage>;

/** A regie statement from the report that is not tied to one chain step (cities.json regieNotes). */
export const RegieNote = z.object({
  id: z.string(),
  centrumgemeenteId: z.string(),
  stage: z.string(),
  /** The stage in Dutch, as the web app shows it (the source's label is English or Dutch by turns). */
  stageNl: z.string(),
  holderAgencyId: z.string().nullable(),
  text: z.string().nullable(),
  /** The same in Dutch: the report's own words where it has them, else labelled as Ketenkaart's summary. */
  textNl: z.string().nullable(),
  handoverTo: z.string().nullable(),
  handoverTrigger: z.string().nullable(),
  /** The handover read as codes: regie passes to any agency of this type from this chain state on (e.g. MO_SHELTER at PLACED). */
  handoverToAgencyType: AgencyType.nullable(),
  handoverAtState: ChainState.nullable(),
  ...regieBasisFields,
  sourceLines: z.string().nullable(),
});
export type RegieNote = z.infer<typeof RegieNote>;
