// Which seeded agency plays which part in the synthetic paths of each city, after the city chapters of docs/domain.md §3.
export interface CityRoles {
  cityId: string;
  municipality: string;
  corporation: string;
  /** Receives the early-warning report and holds regie in prevention (SOM for Vroeg Eropaf, GG&GD, sociaal team, Verdihuis). */
  prevention: string;
  preventionRegie: string;
  socialWork: string;
  debtCounselling: string | null;
  court: string | null;
  bailiff: string | null;
  /** Holds regie after eviction until placement (Vangnet en Advies in Amsterdam, L1400-1408). */
  afterEviction: string;
  shelter: string;
  familyFacility: string;
  youthCare: string | null;
  /** Whether the city has feedback deadlines (Vroeg Eropaf: 14 and 28 days). */
  feedbackDays: number[];
}

export const cityRoles: CityRoles[] = [
  {
    cityId: 'amsterdam',
    municipality: 'Amsterdam',
    corporation: 'ams-woningcorporaties',
    prevention: 'ams-vroeg-eropaf',
    preventionRegie: 'ams-som',
    socialWork: 'ams-maatschappelijke-dienstverlening',
    debtCounselling: 'ams-schuldhulp-amw',
    court: 'ams-rechter',
    bailiff: 'ams-deurwaarders',
    afterEviction: 'ams-ggd-vangnet-advies',
    shelter: 'ams-hvo-querido',
    familyFacility: 'ams-roggeveen-24uur',
    youthCare: 'ams-bureau-jeugdzorg',
    feedbackDays: [14, 28],
  },
  {
    cityId: 'utrecht',
    municipality: 'Utrecht',
    corporation: 'utr-mitros',
    prevention: 'utr-meldpunt-huurschulden',
    preventionRegie: 'utr-ggd',
    socialWork: 'utr-maatschappelijk-werk',
    debtCounselling: 'utr-stadsgeldbeheer',
    court: null,
    bailiff: null,
    afterEviction: 'utr-map',
    shelter: 'utr-tussenvoorziening',
    familyFacility: 'utr-tussenoord',
    youthCare: null,
    feedbackDays: [],
  },
  {
    cityId: 'leeuwarden',
    municipality: 'Leeuwarden',
    corporation: 'lwd-woonfriesland',
    prevention: 'lwd-sociaal-team-leeuwarden',
    preventionRegie: 'lwd-sociaal-team-leeuwarden',
    socialWork: 'lwd-sociaal-team-leeuwarden',
    debtCounselling: null,
    court: null,
    bailiff: null,
    afterEviction: 'lwd-sociaal-team-leeuwarden',
    shelter: 'lwd-zienn',
    familyFacility: 'lwd-den-eikelaar',
    youthCare: null,
    feedbackDays: [],
  },
  {
    cityId: 'oss',
    municipality: 'Oss',
    corporation: 'oss-brabantwonen',
    prevention: 'oss-zorgplein',
    preventionRegie: 'oss-verdihuis',
    socialWork: 'oss-smw',
    debtCounselling: 'oss-zorgplein',
    court: null,
    bailiff: null,
    afterEviction: 'oss-verdihuis',
    shelter: 'oss-verdihuis',
    familyFacility: 'oss-verdihuis-crisis',
    youthCare: 'oss-cjg',
    feedbackDays: [],
  },
];

/** Roles in a synthetic region (beyond the four cities): agencies named after their role, labelled synthetic. */
export function syntheticRegionRoles(index: number): CityRoles {
  const id = `syn-region-${String(index).padStart(2, '0')}`;
  const agency = (role: string) => `${id}-${role}`;
  return {
    cityId: id,
    municipality: `Synthetische regio ${index}`,
    corporation: agency('corporation'),
    prevention: agency('prevention'),
    preventionRegie: agency('prevention'),
    socialWork: agency('social-work'),
    debtCounselling: agency('debt'),
    court: agency('court'),
    bailiff: agency('bailiff'),
    afterEviction: agency('ggd'),
    shelter: agency('shelter'),
    familyFacility: agency('family-shelter'),
    youthCare: agency('youth-care'),
    feedbackDays: [14, 28],
  };
}
