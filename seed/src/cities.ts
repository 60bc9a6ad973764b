// The four centrumgemeenten from the report data (seed/data/cities.json) in graph shape, with the readings of report-readings.ts.
import { readFileSync } from 'node:fs';
import {
  AgencyType,
  CapacityUnit,
  SEED_SOURCE_DOCUMENT,
  statedValue,
  type Agency,
  type CapacityFigure,
  type Centrumgemeente,
  type ChainModel,
  type ChainStage,
  type Covenant,
  type EarlyWarningArrangement,
  type Facility,
  type Municipality,
  type PublishedFigure,
  type PublishedTable,
  type RegieNote,
  type RegistrationSystem,
} from '@ketenkaart/schema';
import type { ReferenceGraph } from '@ketenkaart/api';
import { applyReportReadings } from './report-readings.js';

export const citiesJsonPath = new URL('../data/cities.json', import.meta.url);

/** The report data as it stands in the file; shapes vary per city, so fields are read defensively. */
type Json = Record<string, any>;

export function readCitiesJson(path: URL | string = citiesJsonPath): Json {
  return JSON.parse(readFileSync(path, 'utf8')) as Json;
}

const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const bool = (value: unknown): boolean | null => (typeof value === 'boolean' ? value : null);
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : typeof value === 'string' ? [value] : [];
const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Early-warning fields with a place of their own; every other field is kept as a stated term. */
const earlyWarningFields = new Set([
  'name',
  'aliases',
  'formal',
  'reportAfterMonthsArrears',
  'firstContactAfterMonthsArrears',
  'judgmentAfterMonthsArrears',
  'feedbackDays',
  'feedbackNames',
  'incassoSuspensionMaxMonths',
  'familySpecificAgreements',
  'familiesSpecialTargetGroup',
  'cityWideFrom',
  'covenant',
  'reportedBy',
  'reportedTo',
  'note',
  'referralTrigger',
  'incassoSuspension',
  'source',
]);

function otherTerms(raw: Json, known: Set<string>): string[] {
  return Object.entries(raw)
    .filter(([key, value]) => !known.has(key) && value !== null && value !== undefined)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
}

export function citiesToGraph(data: Json): ReferenceGraph {
  const graph: ReferenceGraph = {
    centrumgemeenten: [],
    municipalities: [],
    agencies: [],
    facilities: [],
    capacityFigures: [],
    chainModels: [],
    chainStages: [],
    regieNotes: [],
    covenants: [],
    earlyWarnings: [],
    figures: [],
    tables: [],
    registrationSystems: [],
  };
  for (const city of data.cities as Json[]) addCity(graph, city);
  ((data.national ?? []) as Json[]).forEach((raw, index) => graph.figures.push(toFigure(raw, `nl-fig-${index + 1}`, null, null, null)));
  // Stated or inferred regie, handovers as codes, planned capacity: read from the report, with their lines.
  return applyReportReadings(graph);
}

function addCity(graph: ReferenceGraph, city: Json): void {
  const cityId: string = city.id;
  const region: Json = city.region ?? {};
  const centrumgemeente: Centrumgemeente = {
    id: cityId,
    name: city.name,
    province: str(city.province),
    g4: city.g4 === true,
    regionName: str(region.name),
    regionDescription: str(region.description),
    regionNote: str(region.note),
    municipalityCount: num(region.municipalityCount),
    interviewPeriod: str(city.interviewPeriod?.value),
    chainCooperation: null,
    chainCooperationLines: null,
    sourceLines: str(region.source),
  };
  graph.centrumgemeenten.push(centrumgemeente);

  for (const name of strings(region.regiogemeenten)) {
    const municipality: Municipality = {
      id: `${cityId}-gem-${slug(name)}`,
      name,
      centrumgemeenteId: cityId,
      sourceLines: str(region.source),
    };
    graph.municipalities.push(municipality);
  }

  for (const raw of city.agencies as Json[]) {
    const agency: Agency = {
      id: raw.id,
      name: raw.name,
      aliases: strings(raw.aliases),
      type: AgencyType.parse(raw.type),
      roles: strings(raw.roles),
      note: str(raw.note),
      memberCount: num(raw.count),
      memberCountText: typeof raw.count === 'string' ? raw.count : null,
      parentId: str(raw.parent),
      centrumgemeenteId: cityId,
      sourceLines: str(raw.source),
    };
    graph.agencies.push(agency);
  }

  for (const raw of city.facilities as Json[]) {
    const location = [
      str(raw.location),
      raw.locations != null ? `${raw.locations} locations` : null,
      raw.houses != null ? `${raw.houses} houses` : null,
    ]
      .filter(Boolean)
      .join('; ');
    const facility: Facility = {
      id: raw.id,
      name: raw.name,
      kind: raw.kind,
      aliases: strings(raw.aliases),
      agencyId: str(raw.agency),
      centrumgemeenteId: cityId,
      location: location || null,
      note: [str(raw.note), str(raw.stay) ? `Stay: ${raw.stay}` : null].filter(Boolean).join(' ') || null,
      sourceLines: str(raw.source),
    };
    graph.facilities.push(facility);
    (raw.capacity as Json[]).forEach((cap, index) => {
      const capacity: CapacityFigure = {
        id: `${raw.id}-cap-${index + 1}`,
        facilityId: raw.id,
        value: num(cap.value),
        unit: CapacityUnit.parse(cap.unit),
        unitNl: str(cap.unitNl),
        targetGroup: cap.targetGroup,
        year: num(cap.year),
        asOf: str(cap.asOf),
        qualifier: str(cap.qualifier),
        sourceOrg: str(cap.sourceOrg),
        planned: false,
        note: str(cap.note),
        sourceLines: str(cap.source),
      };
      graph.capacityFigures.push(capacity);
    });
  }

  const model: Json = city.chainModel ?? {};
  const chainModelId = `${cityId}-chain`;
  const chainModel: ChainModel = {
    id: chainModelId,
    centrumgemeenteId: cityId,
    name: str(model.name),
    published: model.published !== false,
    publishedIn: str(model.publishedIn),
    appliesToFamilies: bool(model.appliesToFamilies),
    diagramMissingInText: bool(model.diagramMissingInText),
    scope: str(model.scope),
    note: [str(model.note), str(model.monitoring?.text)].filter(Boolean).join(' ') || null,
    sourceLines: str(model.source),
  };
  graph.chainModels.push(chainModel);
  for (const step of (model.steps ?? []) as Json[]) {
    const stage: ChainStage = {
      id: `${chainModelId}-${step.order}`,
      chainModelId,
      order: step.order,
      name: step.name,
      nameNl: step.nameNl,
      description: step.description,
      regieAgencyId: str(step.regie),
      regieNote: str(step.regieNote),
      regieNoteNl: str(step.regieNoteNl),
      regieBasis: null,
      regieBasisLines: null,
      regieBasisText: null,
      regieBasisTextNl: null,
      actorAgencyIds: strings(step.actors),
      sourceLines: str(step.source),
    };
    graph.chainStages.push(stage);
  }

  (city.regieNotes as Json[]).forEach((raw, index) => {
    const note: RegieNote = {
      id: `${cityId}-regie-${index + 1}`,
      centrumgemeenteId: cityId,
      stage: raw.stage,
      stageNl: raw.stageNl,
      holderAgencyId: str(raw.holder),
      text: str(raw.text),
      textNl: str(raw.textNl),
      handoverTo: str(raw.handoverTo),
      handoverTrigger: str(raw.handoverTrigger),
      handoverToAgencyType: null,
      handoverAtState: null,
      regieBasis: null,
      regieBasisLines: null,
      regieBasisText: null,
      regieBasisTextNl: null,
      sourceLines: str(raw.source),
    };
    graph.regieNotes.push(note);
  });

  for (const raw of city.arrangements as Json[]) {
    const covenant: Covenant = {
      id: raw.id,
      centrumgemeenteId: cityId,
      name: raw.name,
      kind: str(raw.kind),
      signed: str(raw.signed) ?? str(raw.signedAt),
      inForce: str(raw.inForce),
      adopted: str(raw.adopted),
      period: str(raw.period),
      termYears: num(raw.termYears) ?? num(raw.term),
      evaluationDue: str(raw.evaluationDue),
      commitments: strings(raw.commitments),
      partyAgencyIds: strings(raw.parties),
      partiesNote: str(raw.partiesNote),
      note: [str(raw.note), str(raw.eligibility), str(raw.implementation)].filter(Boolean).join(' ') || null,
      sourceLines: str(raw.source),
    };
    graph.covenants.push(covenant);
  }

  const ew: Json | undefined = city.earlyWarning;
  if (ew) {
    const earlyWarning: EarlyWarningArrangement = {
      id: `${cityId}-early-warning`,
      centrumgemeenteId: cityId,
      name: str(ew.name),
      aliases: strings(ew.aliases),
      formal: bool(ew.formal),
      reportAfterMonthsArrears: num(ew.reportAfterMonthsArrears),
      firstContactAfterMonthsArrears: num(ew.firstContactAfterMonthsArrears),
      judgmentAfterMonthsArrears: num(ew.judgmentAfterMonthsArrears),
      feedbackDays: Array.isArray(ew.feedbackDays) ? ew.feedbackDays.filter((d: unknown) => typeof d === 'number') : [],
      feedbackNames: strings(ew.feedbackNames),
      incassoSuspensionMaxMonths: num(ew.incassoSuspensionMaxMonths),
      familySpecificAgreements: bool(ew.familySpecificAgreements) ?? (ew.familiesSpecialTargetGroup === false ? false : null),
      cityWideFrom: str(ew.cityWideFrom),
      covenantId: str(ew.covenant),
      reportedByAgencyIds: strings(ew.reportedBy),
      reportedToAgencyIds: strings(ew.reportedTo),
      otherTerms: otherTerms(ew, earlyWarningFields),
      note: [str(ew.note), str(ew.referralTrigger), str(ew.incassoSuspension)].filter(Boolean).join(' ') || null,
      sourceLines: str(ew.source),
    };
    graph.earlyWarnings.push(earlyWarning);
  }

  const agencyIds = new Set((city.agencies as Json[]).map((a) => a.id));
  const facilityIds = new Set((city.facilities as Json[]).map((f) => f.id));
  (city.figures as Json[]).forEach((raw, index) => {
    const agencyId = str(raw.agency) && agencyIds.has(raw.agency) ? raw.agency : null;
    const facilityId = str(raw.facility) && facilityIds.has(raw.facility) ? raw.facility : null;
    graph.figures.push(toFigure(raw, `${cityId}-fig-${index + 1}`, cityId, agencyId, facilityId));
  });

  for (const raw of (city.tables ?? []) as Json[]) {
    const columns = strings(raw.columns);
    const table: PublishedTable = {
      id: raw.id,
      centrumgemeenteId: cityId,
      title: raw.title,
      sourceOrg: str(raw.sourceOrg),
      scope: str(raw.scope),
      unit: str(raw.unit),
      unitNote: str(raw.unitNote),
      columns,
      columnGloss: columns.map((column) => str(raw.columnGloss?.[column])),
      rowsJson: JSON.stringify(raw.rows),
      note: str(raw.note),
      sourceLines: str(raw.source),
    };
    graph.tables.push(table);
  }

  (city.registrationSystems as Json[]).forEach((raw, index) => {
    const system: RegistrationSystem = {
      id: `${cityId}-regsys-${index + 1}`,
      centrumgemeenteId: cityId,
      name: raw.name,
      holderAgencyId: str(raw.holder),
      recordsComposition: bool(raw.recordsComposition),
      since: str(raw.since),
      note: str(raw.note),
      sourceLines: str(raw.source),
    };
    graph.registrationSystems.push(system);
  });
}

/** A published figure from the report data; `unresolved` names a subject that is not a seeded agency or facility. */
function toFigure(raw: Json, id: string, cityId: string | null, agencyId: string | null, facilityId: string | null): PublishedFigure {
  const stated = statedValue(raw.value);
  const unresolved = [agencyId ? null : str(raw.agency), facilityId ? null : str(raw.facility)].filter(Boolean);
  return {
    id,
    centrumgemeenteId: cityId,
    metric: raw.metric,
    year: num(raw.year),
    // A school year ("2018/2019") is a period, not a year.
    period: str(raw.period) ?? str(raw.asOf) ?? str(raw.year),
    status: stated.status,
    value: stated.value,
    valueText: stated.valueText,
    unit: str(raw.unit),
    scope: [str(raw.scope), str(raw.area)].filter(Boolean).join('; ') || null,
    sourceOrg: str(raw.sourceOrg),
    qualifier: str(raw.qualifier),
    agencyId,
    facilityId,
    subjectName: unresolved.join('; ') || null,
    note: [str(raw.note), str(raw.share), raw.of != null ? `of ${raw.of}` : null].filter(Boolean).join(' ') || null,
    sourceDocument: str(raw.document) ?? SEED_SOURCE_DOCUMENT,
    sourceLines: str(raw.source),
  };
}
