// Readings of the 2009 report (002) that cities.json does not carry: whether each regie holder is stated or
// inferred, handovers as codes, planned capacity, and two statements the data left out. Each cites its lines.
import type { AgencyType, ChainCooperation, ChainState, PublishedFigure, RegieBasis } from '@ketenkaart/schema';
import type { ReferenceGraph } from '@ketenkaart/api';

type BasisReading = { basis: 'STATED'; lines: string; quote: string } | { basis: 'INFERRED'; reasoning: string; reasoningNl: string };

/**
 * Regie holder per chain stage (`<city>-chain-<order>`) and regie statement (`<city>-regie-<n>`, in cities.json
 * order). STATED quotes the report; INFERRED says what the report describes and why that is not a regie statement, in
 * English and in Dutch (labelled as Ketenkaart's summary).
 * Every stage or statement with a holder needs an entry here: the seed refuses to run otherwise.
 */
const regieBasis: Record<string, BasisReading> = {
  'amsterdam-chain-2': {
    basis: 'STATED',
    lines: 'L1400-1404',
    quote:
      'Vangnet en Advies heeft hiervoor de verantwoordelijkheid en indien er meerdere hulpverlenende partijen betrokken zijn heeft zij tevens de regie.',
  },
  'amsterdam-chain-7': {
    basis: 'INFERRED',
    reasoning:
      'Evaluation results go to the gemeente for the bestuurlijke monitor, and the gemeente uses GGD data for purchasing, policy and improving the chain (L1446-1452); the report does not say the gemeente holds regie over monitoring.',
    reasoningNl:
      'Samenvatting van Ketenkaart: de uitkomsten van de evaluaties gaan naar de gemeente voor de bestuurlijke monitor, en de gemeente gebruikt gegevens van de GGD voor inkoop, beleid en verbetering van de keten (regels 1446-1452); het rapport zegt niet dat de gemeente de regie heeft over de monitoring.',
  },
  'amsterdam-regie-1': {
    basis: 'STATED',
    lines: 'L1165-1169',
    quote: 'De woningcorporaties hebben de verantwoordelijkheid om huurachterstanden te signaleren en om zelf de huurder te benaderen.',
  },
  'amsterdam-regie-2': { basis: 'STATED', lines: 'L969', quote: 'Deze stichting is verantwoordelijk voor Eropaf en Vroeg Eropaf.' },
  'amsterdam-regie-3': { basis: 'STATED', lines: 'L1234-1238', quote: 'Het meldpunt is daarbij aanspreekpunt, coördineert de hulp.' },
  'amsterdam-regie-4': { basis: 'STATED', lines: 'L803-807', quote: 'regelt de GGD-afdeling Vangnet en Advies het verdere traject.' },
  'amsterdam-regie-5': {
    basis: 'STATED',
    lines: 'L1400-1408',
    quote:
      'Op het moment dat een gezin wordt geplaatst in een instelling voor maatschappelijke opvang wordt de regie aan de betreffende instelling overgedragen.',
  },
  'utrecht-chain-4': {
    basis: 'INFERRED',
    reasoning:
      'At step 4 the BCT veldtafel allocates care and decides the funding source (L2207-2213); the report describes that decision, not a regie role.',
    reasoningNl:
      'Samenvatting van Ketenkaart: bij stap 4 wijst de veldtafel van de BCT de zorg toe en beslist uit welke bron die betaald wordt (regels 2207-2213); het rapport beschrijft dat besluit, geen regierol.',
  },
  'utrecht-regie-1': {
    basis: 'INFERRED',
    reasoning:
      "The report places regie over the plan van aanpak with 'een projectmanager' (L1879-1881) without naming the employer; that this is the gemeente is read from the context (a municipal plan carried out by the municipal services DMO and GG&GD).",
    reasoningNl:
      'Samenvatting van Ketenkaart: het rapport legt de regie over het plan van aanpak bij ‘een projectmanager’ (regels 1879-1881), zonder te zeggen bij wie die werkt; dat dit de gemeente is, lezen wij uit de context (een gemeentelijk plan, uitgevoerd door de gemeentelijke diensten DMO en GG&GD).',
  },
  'utrecht-regie-2': { basis: 'STATED', lines: 'L2375', quote: 'De GG&GD voert de regie over de uitvoering.' },
  'leeuwarden-chain-1': {
    basis: 'INFERRED',
    reasoning:
      'The model covenant asks the corporations to run an active signalling system for arrears (L2734-2744): a duty to signal, not a regie role. Leeuwarden has no published chain model; its steps are reconstructed from the text.',
    reasoningNl:
      'Samenvatting van Ketenkaart: het voorbeeldconvenant vraagt de corporaties om een actief signaleringssysteem voor huurachterstand (regels 2734-2744): een plicht om te signaleren, geen regierol. Leeuwarden heeft geen gepubliceerd ketenmodel; de stappen zijn uit de tekst gereconstrueerd.',
  },
  'leeuwarden-chain-2': {
    basis: 'INFERRED',
    reasoning:
      'Partners report and discuss clients in the sociaal team (L3098-3100); the report states that the team leader coordinates the help (L3110-3112), not who holds regie over the reporting itself.',
    reasoningNl:
      'Samenvatting van Ketenkaart: partners melden cliënten aan en bespreken ze in het sociaal team (regels 3098-3100); het rapport zegt dat de teamleider de hulp coördineert (regels 3110-3112), niet wie de regie heeft over het melden zelf.',
  },
  'leeuwarden-chain-3': {
    basis: 'STATED',
    lines: 'L3110-3112',
    quote: 'De teamleider van het sociaal team coördineert het hulpaanbod, bewaakt de voortgang.',
  },
  'leeuwarden-chain-4': {
    basis: 'STATED',
    lines: 'L3110-3112',
    quote: 'De teamleider van het sociaal team coördineert het hulpaanbod, bewaakt de voortgang.',
  },
  'leeuwarden-regie-1': {
    basis: 'STATED',
    lines: 'L2691-2695',
    quote:
      'Centrumgemeente Leeuwarden voert de regie over de beleidsvelden Maatschappelijke opvang, openbare geestelijke gezondheid, Vrouwenopvang en Verslavingszorg.',
  },
  'leeuwarden-regie-2': {
    basis: 'STATED',
    lines: 'L2717-2719',
    quote: 'Dit voorbeeldconvenant, dat onder regie van centrumgemeente Leeuwarden in 2006 is vastgesteld.',
  },
  'leeuwarden-regie-3': {
    basis: 'STATED',
    lines: 'L3110-3112',
    quote: 'De teamleider van het sociaal team coördineert het hulpaanbod, bewaakt de voortgang.',
  },
  'oss-regie-1': { basis: 'STATED', lines: 'L3521', quote: 'De gemeente heeft hierbij de regierol.' },
  'oss-regie-3': { basis: 'STATED', lines: 'L4129-4131', quote: 'Het Verdihuis ... heeft de regie over het hele traject.' },
};

/** Handover statements read as codes, so that recorded regie can be compared with them. */
const handovers: Record<string, { toAgencyType: AgencyType; atState: ChainState }> = {
  // "Op het moment dat een gezin wordt geplaatst in een instelling voor maatschappelijke opvang wordt de regie aan de
  // betreffende instelling overgedragen" (L1404-1408): to the MO institution, at placement.
  'amsterdam-regie-5': { toAgencyType: 'MO_SHELTER', atState: 'PLACED' },
};

/** Capacity figures that announce an expansion rather than describe places that exist. */
const plannedCapacity: Record<string, string> = {
  'utr-tussenoord-cap-3': 'L2132: "capaciteit van Tussenoord wordt uitgebreid tot 52 plaatsen"',
};

/** The report's main structural difference between the cities (L4646-4652). */
const cooperationLines = 'L4646-4652';
const chainCooperation: Record<string, ChainCooperation> = {
  amsterdam: 'FORMAL',
  utrecht: 'FORMAL',
  leeuwarden: 'INFORMAL',
  oss: 'INFORMAL',
};

const extraFigures: PublishedFigure[] = [
  {
    id: 'leeuwarden-fig-refused-whereabouts',
    centrumgemeenteId: 'leeuwarden',
    metric: 'refusedFamiliesWhereabouts',
    year: 2008,
    period: '2008',
    status: 'UNKNOWN',
    value: null,
    valueText: null,
    unit: 'families',
    scope: 'families refused by ZIENN for lack of capacity (about 70 in 2008, L2952-2958) and by Limor (not registered, L2960-2962)',
    sourceOrg: null,
    qualifier: null,
    agencyId: 'lwd-zienn',
    facilityId: null,
    subjectName: null,
    note: "'Het is niet bekend waar deze afgewezen gezinnen vervolgens terechtkomen' (L2962-2964). Informants have 'de stellige indruk' that they do not roam Friesland but find shelter somewhere (L2964-2966); repeated in the summary (L3381-3385).",
    sourceDocument: '002_274c437a37338521.txt',
    sourceLines: 'L2962-2966, L3381-3385',
  },
];

export class ReportReadingError extends Error {}

/** Adds the readings to the graph built from cities.json; a reading that points at nothing stops the seed. */
export function applyReportReadings(graph: ReferenceGraph): ReferenceGraph {
  const holders = [
    ...graph.chainStages.map((stage) => ({ id: stage.id, holder: stage.regieAgencyId, target: stage })),
    ...graph.regieNotes.map((note) => ({ id: note.id, holder: note.holderAgencyId, target: note })),
  ];
  const known = new Set(holders.map((h) => h.id));
  const unknownKeys = [...Object.keys(regieBasis), ...Object.keys(handovers)].filter((id) => !known.has(id));
  const capacityIds = new Set(graph.capacityFigures.map((c) => c.id));
  unknownKeys.push(...Object.keys(plannedCapacity).filter((id) => !capacityIds.has(id)));
  unknownKeys.push(...Object.keys(chainCooperation).filter((id) => !graph.centrumgemeenten.some((c) => c.id === id)));
  if (unknownKeys.length) throw new ReportReadingError(`report readings point at nothing in cities.json: ${unknownKeys.join(', ')}`);

  for (const { id, holder, target } of holders) {
    const reading = regieBasis[id];
    if (holder && !reading) throw new ReportReadingError(`regie holder of ${id} is neither marked STATED nor INFERRED`);
    if (!holder && reading) throw new ReportReadingError(`${id} names no regie holder, yet has a reading`);
    const basis: {
      regieBasis: RegieBasis | null;
      regieBasisLines: string | null;
      regieBasisText: string | null;
      regieBasisTextNl: string | null;
    } = !reading
      ? { regieBasis: null, regieBasisLines: null, regieBasisText: null, regieBasisTextNl: null }
      : reading.basis === 'STATED'
        ? { regieBasis: 'STATED', regieBasisLines: reading.lines, regieBasisText: reading.quote, regieBasisTextNl: reading.quote }
        : { regieBasis: 'INFERRED', regieBasisLines: null, regieBasisText: reading.reasoning, regieBasisTextNl: reading.reasoningNl };
    Object.assign(target, basis);
  }
  for (const note of graph.regieNotes) {
    const handover = handovers[note.id];
    note.handoverToAgencyType = handover?.toAgencyType ?? null;
    note.handoverAtState = handover?.atState ?? null;
  }
  for (const figure of graph.capacityFigures) figure.planned = figure.id in plannedCapacity;
  for (const city of graph.centrumgemeenten) {
    city.chainCooperation = chainCooperation[city.id] ?? null;
    city.chainCooperationLines = city.chainCooperation ? cooperationLines : null;
  }
  graph.figures.push(...extraFigures);
  return graph;
}

/** How many figures the readings add to a city (for the seed's round-trip test). */
export const extraFigureCount = (cityId: string) => extraFigures.filter((f) => f.centrumgemeenteId === cityId).length;
