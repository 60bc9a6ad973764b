// Covenants, policies and early-warning arrangements are entities with parties, dates and commitments (docs/domain.md §5.5).
import { z } from 'zod';

export const Covenant = z.object({
  id: z.string(),
  centrumgemeenteId: z.string(),
  name: z.string(),
  kind: z.string().nullable(),
  /** Dates as the report words them ("end 2007", "2008-11"): not every one is a calendar date. */
  signed: z.string().nullable(),
  inForce: z.string().nullable(),
  adopted: z.string().nullable(),
  period: z.string().nullable(),
  termYears: z.number().nullable(),
  evaluationDue: z.string().nullable(),
  commitments: z.array(z.string()),
  partyAgencyIds: z.array(z.string()),
  partiesNote: z.string().nullable(),
  note: z.string().nullable(),
  sourceLines: z.string().nullable(),
});
export type Covenant = z.infer<typeof Covenant>;

/** A city's early-warning arrangement (Vroeg Eropaf, Voorkomen Huisuitzetting...): thresholds are data, not constants. */
export const EarlyWarningArrangement = z.object({
  id: z.string(),
  centrumgemeenteId: z.string(),
  name: z.string().nullable(),
  aliases: z.array(z.string()),
  formal: z.boolean().nullable(),
  reportAfterMonthsArrears: z.number().nullable(),
  firstContactAfterMonthsArrears: z.number().nullable(),
  judgmentAfterMonthsArrears: z.number().nullable(),
  /** Feedback deadlines in days (tussenmelding, terugmelding); empty where the report gives none. */
  feedbackDays: z.array(z.number().int()),
  feedbackNames: z.array(z.string()),
  incassoSuspensionMaxMonths: z.number().nullable(),
  familySpecificAgreements: z.boolean().nullable(),
  cityWideFrom: z.string().nullable(),
  covenantId: z.string().nullable(),
  reportedByAgencyIds: z.array(z.string()),
  reportedToAgencyIds: z.array(z.string()),
  /** Further terms the source states (pilot, quota, cost split...), each as "term: value" text. */
  otherTerms: z.array(z.string()),
  note: z.string().nullable(),
  sourceLines: z.string().nullable(),
});
export type EarlyWarningArrangement = z.infer<typeof EarlyWarningArrangement>;
