// The gap rules: named, documented, each with its docs/domain.md source. Thresholds are data per city (GapRuleSetting).
import { z } from 'zod';

export const GapRuleId = z.enum([
  'FEEDBACK_INTERIM_MISSING',
  'FEEDBACK_FINAL_MISSING',
  'SIGNAL_NOT_FOLLOWED_UP',
  'REFERRAL_UNANSWERED',
  'REFERRAL_NO_INTAKE',
  'OUT_OF_SIGHT_AFTER_EVICTION',
  'REFUSAL_WITHOUT_ALTERNATIVE',
  'WAITING_LIST_NO_OUTCOME',
  'WAITING_LIST_TOO_LONG',
  'CHILDREN_NOT_SEEN',
  'EVICTION_WITHOUT_ALTERNATIVE_HOUSING',
  'REGIE_MISSING',
  'REGIE_CONFLICT',
  'SHELTER_EXIT_WITHOUT_HOUSING',
  'RE_ENTRY_LOOP',
]);
export type GapRuleId = z.infer<typeof GapRuleId>;

export const GapSeverity = z.enum(['LOW', 'MEDIUM', 'HIGH']);
export type GapSeverity = z.infer<typeof GapSeverity>;

export interface GapRule {
  id: GapRuleId;
  pattern: string;
  name: string;
  nameNl: string;
  description: string;
  /** docs/domain.md pattern and source lines. */
  source: string;
  /**
   * Days the rule waits before a missing step counts as a gap; null for rules without a deadline. Where a city's
   * sources state no term, this default applies and its setting says "Ketenkaart default"; a city overrides it as data.
   */
  defaultDays: number | null;
  defaultSeverity: GapSeverity;
}

export const gapRules: Record<GapRuleId, GapRule> = {
  FEEDBACK_INTERIM_MISSING: {
    id: 'FEEDBACK_INTERIM_MISSING',
    pattern: 'G7',
    name: 'No contact by the first feedback deadline',
    nameNl: 'Geen tussenmelding',
    description:
      "An early-warning signal that meets the arrangement's arrears threshold, with no contact, home visit, accepted referral or interim report within the covenant's first feedback deadline. Names the agency the signal is reported to, which owes the interim report.",
    source: "docs/domain.md §4 G7; 002 L729-740 (reported at two months' arrears; tussenmelding by day 14)",
    defaultDays: 14,
    defaultSeverity: 'MEDIUM',
  },
  FEEDBACK_FINAL_MISSING: {
    id: 'FEEDBACK_FINAL_MISSING',
    pattern: 'G7',
    name: 'No feedback by the second deadline',
    nameNl: 'Geen terugmelding',
    description:
      "An early-warning signal that meets the arrangement's arrears threshold, with no feedback report (or debt arrangement) within the covenant's second feedback deadline. Names the agency that owes the feedback.",
    source: "docs/domain.md §4 G7; 002 L729-752 (reported at two months' arrears; terugmelding by day 28)",
    defaultDays: 28,
    defaultSeverity: 'MEDIUM',
  },
  SIGNAL_NOT_FOLLOWED_UP: {
    id: 'SIGNAL_NOT_FOLLOWED_UP',
    pattern: 'G7',
    name: 'Signal nobody followed up',
    nameNl: 'Signaal niet opgepakt',
    description:
      "An early-warning signal that meets the arrangement's arrears threshold (where it states one) and that no feedback deadline watches, with no contact, home visit, report, debt arrangement or referral within the term. Where the city states no term, the Ketenkaart default applies.",
    source:
      'docs/domain.md §4 G7 (a signal with no follow-up); no term in the report outside Amsterdam (002 L2341-2436, L2734-2748, L4034-4054): the 28 days are a Ketenkaart default',
    defaultDays: 28,
    defaultSeverity: 'MEDIUM',
  },
  REFERRAL_UNANSWERED: {
    id: 'REFERRAL_UNANSWERED',
    pattern: 'G8',
    name: 'Referral neither accepted nor refused',
    nameNl: 'Verwijzing onbeantwoord',
    description: 'A referral still waiting for an answer after its respond-by date: feedback never came.',
    source: 'docs/domain.md §4 G8; 002 L1293-1296',
    defaultDays: 0,
    defaultSeverity: 'MEDIUM',
  },
  REFERRAL_NO_INTAKE: {
    id: 'REFERRAL_NO_INTAKE',
    pattern: 'G8',
    name: 'Accepted referral without intake',
    nameNl: 'Geaccepteerd, geen intake',
    description: 'A referral was accepted, but the receiving agency recorded no contact, home visit or placement within the threshold.',
    source: 'docs/domain.md §4 G8; 002 L1293-1296',
    defaultDays: 21,
    defaultSeverity: 'MEDIUM',
  },
  OUT_OF_SIGHT_AFTER_EVICTION: {
    id: 'OUT_OF_SIGHT_AFTER_EVICTION',
    pattern: 'G1',
    name: 'Out of sight after eviction',
    nameNl: 'Buiten beeld na ontruiming',
    description:
      'An executed eviction with no follow-up contact, shelter application or known new tenancy within the threshold, or with contact lost since. It ends when anyone has contact again, however late.',
    source: 'docs/domain.md §4 G1; 002 L1008-1014, L3680-3684, L4316-4324',
    defaultDays: 14,
    defaultSeverity: 'HIGH',
  },
  REFUSAL_WITHOUT_ALTERNATIVE: {
    id: 'REFUSAL_WITHOUT_ALTERNATIVE',
    pattern: 'G3',
    name: 'Refusal without an alternative',
    nameNl: 'Weigering zonder alternatief',
    description:
      'A shelter refusal (or refused referral) not followed within the threshold by a placement, another application, a referral or a known alternative; it ends when one follows, however late. Stage REFUSED for a shelter refusal; for a refused referral the stage the household was in.',
    source: 'docs/domain.md §4 G3; 002 L2952-2966, L3774-3776; norm L1392-1400',
    defaultDays: 7,
    defaultSeverity: 'HIGH',
  },
  WAITING_LIST_NO_OUTCOME: {
    id: 'WAITING_LIST_NO_OUTCOME',
    pattern: 'G2',
    name: 'Gone from a waiting list, whereabouts unknown',
    nameNl: 'Van wachtlijst verdwenen',
    description: 'A waiting-list entry closed with lost contact or an unknown outcome, and nobody in contact with the family since.',
    source: 'docs/domain.md §4 G2; 002 L2004-2006, L4624-4626, L4707-4709',
    defaultDays: null,
    defaultSeverity: 'HIGH',
  },
  WAITING_LIST_TOO_LONG: {
    id: 'WAITING_LIST_TOO_LONG',
    pattern: 'G2',
    name: 'Waiting longer than the norm',
    nameNl: 'Te lang op de wachtlijst',
    description: "A waiting-list entry still open after the city's norm.",
    source: 'docs/domain.md §4 G2; 002 L1996-2002 (Tussenoord: 8-12 months)',
    defaultDays: 90,
    defaultSeverity: 'MEDIUM',
  },
  CHILDREN_NOT_SEEN: {
    id: 'CHILDREN_NOT_SEEN',
    pattern: 'G9',
    name: 'Children not seen',
    nameNl: 'Kinderen niet in beeld',
    description:
      'A household with a child under 18 facing eviction (planned or executed) that neither youth care nor a home visit has seen. It ends when someone sees the children, or when the threat is over: the eviction cancelled, or the family housed again.',
    source:
      'docs/domain.md §4 G9 (composition unchecked by a home visit); rights checkpoint RC2 (003 L830-838: children heard while an eviction can still be prevented); 002 L991-1001, L1216-1220, L4383-4426',
    defaultDays: null,
    defaultSeverity: 'HIGH',
  },
  EVICTION_WITHOUT_ALTERNATIVE_HOUSING: {
    id: 'EVICTION_WITHOUT_ALTERNATIVE_HOUSING',
    pattern: 'RC7',
    name: 'Eviction of children without alternative housing',
    nameNl: 'Ontruiming zonder alternatieve huisvesting',
    description:
      'An executed eviction of a household with a child under 18 whose destination is not a new tenancy. Shelter, network or holiday home do not count. It ends when the family is housed again.',
    source: 'docs/domain.md §2 RC7-RC8; 003 L811-816, L851-852, L1962-1965',
    defaultDays: null,
    defaultSeverity: 'HIGH',
  },
  REGIE_MISSING: {
    id: 'REGIE_MISSING',
    pattern: 'G5',
    name: 'No regie holder',
    nameNl: 'Geen regiehouder',
    description:
      'Several agencies involved (within the threshold) and nobody holds regie; or a placement without regie passing to the shelter.',
    source: 'docs/domain.md §4 G5; 002 L1400-1408, L1475, L2452-2456, L3845-3847, L4672-4678',
    defaultDays: 90,
    defaultSeverity: 'HIGH',
  },
  REGIE_CONFLICT: {
    id: 'REGIE_CONFLICT',
    pattern: 'G5',
    name: 'Conflicting regie',
    nameNl: 'Dubbele regie',
    description:
      'Two or more agencies hold regie over the household at the same time, however it came about (regie taken without a handover, or taken at the same stage twice). Labelled with the contested stage: the stage of the later claim.',
    source: 'docs/domain.md §4 G5 (an interval with two or more regie holders); 002 L1400-1408',
    defaultDays: null,
    defaultSeverity: 'MEDIUM',
  },
  SHELTER_EXIT_WITHOUT_HOUSING: {
    id: 'SHELTER_EXIT_WITHOUT_HOUSING',
    pattern: 'G1',
    name: 'Shelter exit without housing',
    nameNl: 'Uitstroom zonder woning',
    description:
      'A shelter exit not followed within the threshold by rehousing or a known new tenancy; it ends when the family is rehoused.',
    source: 'docs/domain.md §2 (REHOUSING), §4 G1; 002 L2245-2299',
    defaultDays: 30,
    defaultSeverity: 'MEDIUM',
  },
  RE_ENTRY_LOOP: {
    id: 'RE_ENTRY_LOOP',
    pattern: 'G13',
    name: 'Re-entry loop',
    nameNl: 'Terugval',
    description:
      'A new eviction (planned or executed) after the household had left shelter or was rehoused: eviction -> shelter -> new eviction. It ends when the new eviction is cancelled or the family is housed again.',
    source: 'docs/domain.md §2 Relapse; §4 G13; 002 L4147-4153',
    defaultDays: null,
    defaultSeverity: 'HIGH',
  },
};

/** A city's setting for a rule: the threshold in days and where it comes from (a covenant line, or Ketenkaart's default). */
export const GapRuleSetting = z.object({
  cityId: z.string(),
  ruleId: GapRuleId,
  enabled: z.boolean(),
  days: z.number().int().min(0).max(3650).nullable(),
  severity: GapSeverity,
  source: z.string(),
});
export type GapRuleSetting = z.infer<typeof GapRuleSetting>;
