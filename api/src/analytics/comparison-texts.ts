// The words of the comparison exports (CSV and printable report) in the reader's language: Dutch by default,
// English second. No code, metric name or file name reaches the reader: measures, refusal reasons, published
// figures, units and sources each have their words here (sources by title and line).
import type { OutcomeMeasure } from './outcomes.js';

export type ExportLanguage = 'nl' | 'en';

type Words = Record<ExportLanguage, string>;

const measureNames: Record<OutcomeMeasure, Words> = {
  SIGNALS: { nl: 'Vroegsignalen', en: 'Early-warning signals' },
  REFERRALS: { nl: 'Verwijzingen', en: 'Referrals' },
  EVICTIONS: { nl: 'Ontruimingen', en: 'Evictions' },
  SHELTER_APPLICATIONS: { nl: 'Aanmeldingen opvang', en: 'Shelter applications' },
  REFUSALS: { nl: 'Weigeringen', en: 'Refusals' },
  PLACEMENTS: { nl: 'Plaatsingen', en: 'Placements' },
  REHOUSING: { nl: 'Nieuwe woning', en: 'Rehousing' },
  LOST_CONTACT: { nl: 'Buiten beeld', en: 'Out of sight' },
};

const measureDefinitions: Record<OutcomeMeasure, Words> = {
  SIGNALS: {
    nl: 'Huishoudens met minstens één vroegsignaal (melding van achterstand) in de periode.',
    en: 'Households with at least one early-warning signal (vroegsignalering) in the period.',
  },
  REFERRALS: {
    nl: 'Huishoudens met minstens één verwijzing in de periode, van welke instantie naar welke instantie ook.',
    en: 'Households with at least one referral sent in the period, any agency to any agency.',
  },
  EVICTIONS: { nl: 'Huishoudens die in de periode zijn ontruimd.', en: 'Households evicted (ontruiming uitgevoerd) in the period.' },
  SHELTER_APPLICATIONS: {
    nl: 'Huishoudens die zich in de periode bij de opvang hebben aangemeld.',
    en: 'Households that applied for shelter (aanmelding opvang) in the period.',
  },
  REFUSALS: {
    nl: 'Huishoudens die in de periode door een opvang of dienst zijn geweigerd.',
    en: 'Households refused by a shelter or service (weigering) in the period.',
  },
  PLACEMENTS: {
    nl: 'Huishoudens die in de periode in de opvang zijn geplaatst.',
    en: 'Households placed in shelter (plaatsing) in the period.',
  },
  REHOUSING: {
    nl: 'Huishoudens die in de periode een nieuwe woning kregen (ook urgentie of omklap).',
    en: 'Households rehoused (nieuwe woning, urgentie, omklap) in the period.',
  },
  LOST_CONTACT: {
    nl: 'Huishoudens met wie de keten in de periode het contact verloor ("buiten beeld").',
    en: 'Households with whom the chain lost contact ("buiten beeld") in the period.',
  },
};

const refusalReasons: Record<string, Words> = {
  NO_CAPACITY: { nl: 'geen plek', en: 'no place' },
  NOT_ELIGIBLE: { nl: 'valt niet onder de doelgroep', en: 'not in the target group' },
  OUTSIDE_REGION: { nl: 'hoort bij een andere regio', en: 'belongs to another region' },
  BEHAVIOUR_SAFETY: { nl: 'gedrag of veiligheid', en: 'behaviour or safety' },
  NO_RESIDENCE_PERMIT: { nl: 'geen verblijfsvergunning', en: 'no residence permit' },
  HOUSEHOLD_COMPOSITION: { nl: 'samenstelling van het gezin', en: 'household composition' },
  CONTRA_INDICATION: { nl: 'contra-indicatie', en: 'contra-indication' },
  TOO_LIGHT: { nl: 'te licht', en: 'too light' },
  OTHER: { nl: 'anders', en: 'other' },
};

/** The published figures a comparison shows beside its measures and in its structure, by metric. */
const publishedFigureNames: Record<string, Words> = {
  eropafReports: { nl: 'meldingen Vroeg Eropaf', en: 'Vroeg Eropaf reports' },
  tenantsWithEarlyArrearsPerMonth: { nl: 'huurders met een beginnende achterstand per maand', en: 'tenants with early arrears per month' },
  evictions: { nl: 'ontruimingen', en: 'evictions' },
  familyEvictions: { nl: 'ontruimingen van gezinnen', en: 'evictions of families' },
  familyRegistrations: { nl: 'aanmeldingen van gezinnen', en: 'registrations of families' },
  registrations: { nl: 'aanmeldingen', en: 'registrations' },
  shelterRequests: { nl: 'aanvragen voor opvang', en: 'requests for shelter' },
  homelessFamiliesRegisteredPerYear: { nl: 'dakloze gezinnen aangemeld per jaar', en: 'homeless families registered per year' },
  refusedFamilies: { nl: 'geweigerde gezinnen', en: 'families refused' },
  refusedShare: { nl: 'aandeel geweigerd', en: 'share refused' },
  allocatedToFamilyShelter: { nl: 'toegewezen aan de gezinsopvang', en: 'allocated to family shelter' },
  familyShelterCapacity: { nl: 'capaciteit gezinsopvang', en: 'family shelter capacity' },
  familyShelterCapacityTwoParentFamilies: { nl: 'capaciteit opvang tweeoudergezinnen', en: 'shelter capacity for two-parent families' },
  shelterPlacesWomenWithChildren: { nl: 'opvangplekken voor vrouwen met kinderen', en: 'shelter places for women with children' },
};

/** Units as the sources give them (in English in the seed data), in the reader's words. */
const units: Record<string, Words> = {
  households: { nl: 'huishoudens', en: 'households' },
  families: { nl: 'gezinnen', en: 'families' },
  reports: { nl: 'meldingen', en: 'reports' },
  registrations: { nl: 'aanmeldingen', en: 'registrations' },
  requests: { nl: 'aanvragen', en: 'requests' },
  percent: { nl: 'procent', en: 'percent' },
  places: { nl: 'plekken', en: 'places' },
  units: { nl: 'eenheden', en: 'units' },
  dwellings: { nl: 'woningen', en: 'dwellings' },
  adults: { nl: 'volwassenen', en: 'adults' },
  clients: { nl: 'cliënten', en: 'clients' },
  'family units': { nl: 'gezinseenheden', en: 'family units' },
  'crisis beds': { nl: 'crisisbedden', en: 'crisis beds' },
  'ambulant trajectories': { nl: 'ambulante trajecten', en: 'ambulant trajectories' },
  'families per year': { nl: 'gezinnen per jaar', en: 'families per year' },
  'tenants per month': { nl: 'huurders per maand', en: 'tenants per month' },
  days: { nl: 'dagen', en: 'days' },
};

/** The source reports by their number (the file name's prefix), with a title a reader can look up. */
const reportTitles: Record<string, Words> = {
  '000': {
    nl: 'CBS en Instituut voor Publieke Waarden, Van casuïstiek naar statistiek (ca. 2021)',
    en: 'CBS and Instituut voor Publieke Waarden, Van casuïstiek naar statistiek (c. 2021)',
  },
  '002': {
    nl: 'Onderzoek dakloosheid van gezinnen na huisuitzetting, deel 2: vier centrumgemeenten (2009)',
    en: 'Study of family homelessness after eviction, part 2: four centrumgemeenten (2009)',
  },
  '003': {
    nl: 'Nationale ombudsman en Kinderombudsman, Als de overheid niet thuis geeft… (ca. 2022)',
    en: "National Ombudsman and Children's Ombudsman, Als de overheid niet thuis geeft… (c. 2022)",
  },
  '004': { nl: 'Oudervereniging Balans, Thuiszitters tellen (2020)', en: 'Oudervereniging Balans, Thuiszitters tellen (2020)' },
};

const word = (table: Record<string, Words>, key: string, lang: ExportLanguage, otherwise: string) => table[key]?.[lang] ?? otherwise;

export interface ComparisonTexts {
  lang: ExportLanguage;
  columns: string[];
  measure(measure: OutcomeMeasure): string;
  definition(measure: OutcomeMeasure): string;
  refusalsFor(reason: string): string;
  refusalsDefinition(reason: string): string;
  waitingDays: string;
  waitingDaysDefinition: string;
  publishedFigure(metric: string): string;
  unit(unit: string | null): string;
  /** "Onderzoek … (2009), regels 869-898": a source by title and line, never its file name. */
  source(document: string | null, lines: string | null): string;
  status: { measured: string; suppressed: string; unknownOrSuppressed: string; reported: string; reportedAsText: string; unknown: string };
  recorded: string;
  publishedPrefix: string;
  unknown: string;
  suppressedCell: string;
  disclosure(suppressed: boolean, minCell: number, base: number): string;
  period(from: string, to: string): string;
  /** A moment as the seed data state it ("time of study (...)", in English there), in the reader's words. */
  moment(text: string | number): string;
  /** The report's own words for a value; the English gloss the seed data add in brackets only for English. */
  reportedWords(text: string): string;
  aspects: {
    published: string;
    cooperation: string;
    steps: string;
    statedHolders: string;
    inferredHolders: string;
    statements: string;
    earlyWarningMonths: string;
    feedbackDays: string;
    facilities: string;
    reportedCapacity: string;
    capacityPerSource: string;
  };
  values: {
    yes: string;
    reconstructed: string;
    none: string;
    formal: string;
    informal: string;
    and: string;
    step: string;
    atLeast: string;
    theReport: string;
    periodNotStated: string;
    unitNotStated: string;
  };
  report: {
    title: string;
    heading: string;
    intro: string;
    differences: string;
    noDifferences: string;
    outcomes: string;
    measureColumn: string;
    definitions: string;
    publishedFigures: string;
    none: string;
    suppressedNote: string;
  };
}

const lines = (range: string | null, lang: ExportLanguage) =>
  range ? range.replace(/^L/, lang === 'nl' ? 'regels ' : 'lines ').replace(/, ?L/g, ', ') : null;

export function comparisonTexts(lang: ExportLanguage): ComparisonTexts {
  const nl = lang === 'nl';
  return {
    lang,
    columns: nl
      ? ['stad', 'maat', 'waarde', 'status', 'eenheid', 'periode', 'bron', 'definitie']
      : ['city', 'measure', 'value', 'status', 'unit', 'period', 'source', 'definition'],
    measure: (measure) => measureNames[measure][lang],
    definition: (measure) => measureDefinitions[measure][lang],
    refusalsFor: (reason) => `${measureNames.REFUSALS[lang]}: ${word(refusalReasons, reason, lang, reason)}`,
    refusalsDefinition: (reason) =>
      nl
        ? `Huishoudens geweigerd met als reden: ${word(refusalReasons, reason, lang, reason)}.`
        : `Households refused for this reason: ${word(refusalReasons, reason, lang, reason)}.`,
    waitingDays: nl ? 'Wachttijd (mediaan)' : 'Waiting time (median)',
    waitingDaysDefinition: nl
      ? 'Mediaan van het aantal dagen van plaatsing op de wachtlijst tot vertrek ervan, voor vertrekken in de periode.'
      : 'Median days from a waiting-list entry to its exit, exits in the period.',
    publishedFigure: (metric) => word(publishedFigureNames, metric, lang, nl ? 'gepubliceerd cijfer' : 'published figure'),
    unit: (unit) => (unit === null ? (nl ? 'eenheid niet vermeld' : 'unit not stated') : word(units, unit, lang, unit)),
    source: (document, range) => {
      const title = document ? (reportTitles[document.slice(0, 3)]?.[lang] ?? (nl ? 'bronrapport' : 'source report')) : null;
      return [title, lines(range, lang)].filter(Boolean).join(', ');
    },
    status: nl
      ? {
          measured: 'gemeten',
          suppressed: 'afgeschermd (minder dan 5)',
          unknownOrSuppressed: 'onbekend of afgeschermd',
          reported: 'gepubliceerd',
          reportedAsText: 'gepubliceerd als tekst',
          unknown: 'onbekend',
        }
      : {
          measured: 'measured',
          suppressed: 'suppressed (fewer than 5)',
          unknownOrSuppressed: 'unknown or suppressed',
          reported: 'reported',
          reportedAsText: 'reported as text',
          unknown: 'unknown',
        },
    recorded: nl ? 'vastgelegd in Ketenkaart' : 'recorded in Ketenkaart',
    publishedPrefix: nl ? 'gepubliceerd' : 'published',
    unknown: nl ? 'onbekend' : 'unknown',
    suppressedCell: nl ? 'afgeschermd (< 5)' : 'suppressed (< 5)',
    disclosure: (suppressed, minCell, base) =>
      suppressed
        ? nl
          ? `Aantallen onder ${minCell} zijn afgeschermd (en waar nodig een tweede cel in dezelfde groep); getoonde aantallen zijn afgerond op een veelvoud van ${base}.`
          : `Counts below ${minCell} are suppressed (with secondary suppression within a group); shown counts are rounded to a multiple of ${base}.`
        : nl
          ? 'Aantallen zijn exact (ketenregisseur van de regio).'
          : 'Counts are exact (coordinator of the region).',
    period: (from, to) => (nl ? `${from} tot en met ${to}` : `${from} to ${to}`),
    moment: (text) =>
      typeof text === 'string' && text.startsWith('time of study')
        ? nl
          ? 'ten tijde van het onderzoek (voorjaar 2009)'
          : 'time of the study (spring 2009)'
        : String(text),
    reportedWords: (text) => (nl ? text.replace(/\s*\((about|some|around|roughly) [^)]*\)$/, '') : text),
    aspects: nl
      ? {
          published: 'ketenmodel gepubliceerd',
          cooperation: 'samenwerking in de keten (onderzoek 2009, regels 4646-4652)',
          steps: 'stappen in het ketenmodel',
          statedHolders: 'regiehouders in het ketenmodel, zo genoemd in het rapport',
          inferredHolders: 'regiehouders in het ketenmodel, afgeleid (niet als regie genoemd in het rapport)',
          statements: 'uitspraken over regie in het rapport',
          earlyWarningMonths: 'vroegsignalering: melding na maanden achterstand',
          feedbackDays: 'vroegsignalering: termijnen voor terugmelding (dagen)',
          facilities: 'voorzieningen in de bronnen',
          reportedCapacity: 'opvangcapaciteit zoals het rapport die optelt',
          capacityPerSource: 'opvangcapaciteit per bron (nooit opgeteld over bronnen, eenheden of plannen heen)',
        }
      : {
          published: 'chain model published',
          cooperation: 'chain cooperation (2009 study, lines 4646-4652)',
          steps: 'steps in the chain model',
          statedHolders: 'regie holders in the chain model, stated in the report',
          inferredHolders: 'regie holders in the chain model, inferred (not stated as regie in the report)',
          statements: 'regie statements in the report',
          earlyWarningMonths: 'early warning: report after months of arrears',
          feedbackDays: 'early warning: feedback deadlines (days)',
          facilities: 'facilities in the sources',
          reportedCapacity: 'shelter capacity as the report totals it',
          capacityPerSource: 'shelter capacity per source (never added across sources, units or plans)',
        },
    values: nl
      ? {
          yes: 'ja',
          reconstructed: 'gereconstrueerd uit de tekst van het rapport',
          none: 'geen',
          formal: 'formeel: convenanten en protocollen',
          informal: 'informeel: samenwerkingsverbanden',
          and: ' en ',
          step: 'stap',
          atLeast: 'minstens ',
          theReport: 'het rapport',
          periodNotStated: 'periode niet vermeld',
          unitNotStated: '(eenheid niet vermeld)',
        }
      : {
          yes: 'yes',
          reconstructed: 'reconstructed from the report text',
          none: 'none',
          formal: 'formal: covenants and protocols',
          informal: 'informal: partnerships',
          and: ' and ',
          step: 'step',
          atLeast: 'at least ',
          theReport: 'the report',
          periodNotStated: 'period not stated',
          unitNotStated: '(unit not stated)',
        },
    report: nl
      ? {
          title: 'Ketenkaart: steden vergelijken',
          heading: 'Steden vergelijken',
          intro:
            'Aantallen zijn huishoudens, vastgelegd in Ketenkaart; synthetische demodata zijn geen echte cijfers. Per 1.000 huishoudens kan niet: het aantal huishoudens per regio staat niet in de bronnen.',
          differences: 'Hoe de keten is georganiseerd: verschillen',
          noDifferences: 'Geen verschillen in de vergeleken punten.',
          outcomes: 'Wat eruit komt',
          measureColumn: 'Maat',
          definitions: 'Definities',
          publishedFigures: 'Gepubliceerde cijfers uit de bronnen',
          none: 'Geen.',
          suppressedNote: '"afgeschermd (< 5)": minder dan 5 huishoudens, niet getoond om niemand herkenbaar te maken. Het is geen 0.',
        }
      : {
          title: 'Ketenkaart: comparing cities',
          heading: 'Comparing cities',
          intro:
            'Counts are households recorded in Ketenkaart; synthetic demo data are not real figures. Per 1,000 households is not possible: the number of households per region is not in the sources.',
          differences: 'How the chain is organised: differences',
          noDifferences: 'No differences in the aspects compared.',
          outcomes: 'Outcomes',
          measureColumn: 'Measure',
          definitions: 'Definitions',
          publishedFigures: 'Published figures from the sources',
          none: 'None.',
          suppressedNote: '"suppressed (< 5)": fewer than 5 households, not shown so that nobody can be recognised. It is not 0.',
        },
  };
}
