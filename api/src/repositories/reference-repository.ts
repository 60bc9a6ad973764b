// Reference data of the chain: centrumgemeenten, agencies, facilities, capacities, chain models, covenants and figures.
import { z } from 'zod';
import {
  Agency,
  AgencyType,
  CapacityFigure,
  CapacityUnit,
  Centrumgemeente,
  ChainCooperation,
  ChainModel,
  ChainState,
  ChainStage,
  Covenant,
  EarlyWarningArrangement,
  Facility,
  FigureStatus,
  Municipality,
  PublishedFigure,
  PublishedTable,
  RegieBasis,
  RegieNote,
  RegistrationSystem,
  type Provenance,
} from '@ketenkaart/schema';
import { cypher, statement } from '../db/cypher.js';
import { withoutNulls } from '../db/values.js';
import { bumpReferenceVersionIn } from './reference-cache.js';
import type { CypherExecutor, CypherTx } from '../db/executor.js';
import { instant, list, opt, type Page, pageOf, readPage, searchKey } from './rows.js';

/** Everything the seed knows about the four cities, in graph shape. */
export interface ReferenceGraph {
  centrumgemeenten: Centrumgemeente[];
  municipalities: Municipality[];
  agencies: Agency[];
  facilities: Facility[];
  capacityFigures: CapacityFigure[];
  chainModels: ChainModel[];
  chainStages: ChainStage[];
  regieNotes: RegieNote[];
  covenants: Covenant[];
  earlyWarnings: EarlyWarningArrangement[];
  figures: PublishedFigure[];
  tables: PublishedTable[];
  registrationSystems: RegistrationSystem[];
}

const written = z.object({ written: z.number().int() });

// One upsert per label: labels cannot be parameters, so each is its own registered statement.
const upsertCentrumgemeenten = statement(
  'upsertCentrumgemeenten',
  cypher`
UNWIND $rows AS row
MERGE (n:Centrumgemeente {id: row.id})
SET n += $provenance, n += row.props
RETURN count(n) AS written`,
  written,
);

const upsertMunicipalities = statement(
  'upsertMunicipalities',
  cypher`
UNWIND $rows AS row
MATCH (c:Centrumgemeente {id: row.props.centrumgemeenteId})
MERGE (n:Municipality {id: row.id})
SET n += $provenance, n += row.props
MERGE (c)-[:SERVES]->(n)
RETURN count(n) AS written`,
  written,
);

const upsertAgencies = statement(
  'upsertAgencies',
  cypher`
UNWIND $rows AS row
MATCH (c:Centrumgemeente {id: row.props.centrumgemeenteId})
MERGE (n:Agency {id: row.id})
SET n += $provenance, n += row.props
MERGE (n)-[:OPERATES_IN]->(c)
RETURN count(n) AS written`,
  written,
);

const linkAgencyParents = statement(
  'linkAgencyParents',
  cypher`
UNWIND $rows AS row
MATCH (child:Agency {id: row.id}), (parent:Agency {id: row.parentId})
MERGE (child)-[:PART_OF]->(parent)
RETURN count(child) AS written`,
  written,
);

const upsertFacilities = statement(
  'upsertFacilities',
  cypher`
UNWIND $rows AS row
MATCH (c:Centrumgemeente {id: row.props.centrumgemeenteId})
MERGE (n:Facility {id: row.id})
SET n += $provenance, n += row.props
MERGE (n)-[:LOCATED_IN]->(c)
WITH n, row
OPTIONAL MATCH (a:Agency {id: row.props.agencyId})
FOREACH (_ IN CASE WHEN a IS NULL THEN [] ELSE [1] END | MERGE (a)-[:RUNS]->(n))
RETURN count(n) AS written`,
  written,
);

const upsertCapacityFigures = statement(
  'upsertCapacityFigures',
  cypher`
UNWIND $rows AS row
MATCH (f:Facility {id: row.props.facilityId})
MERGE (n:CapacityFigure {id: row.id})
SET n += $provenance, n += row.props
MERGE (f)-[:HAS_CAPACITY]->(n)
RETURN count(n) AS written`,
  written,
);

const upsertChainModels = statement(
  'upsertChainModels',
  cypher`
UNWIND $rows AS row
MATCH (c:Centrumgemeente {id: row.props.centrumgemeenteId})
MERGE (n:ChainModel {id: row.id})
SET n += $provenance, n += row.props
MERGE (c)-[:HAS_CHAIN_MODEL]->(n)
RETURN count(n) AS written`,
  written,
);

const upsertChainStages = statement(
  'upsertChainStages',
  cypher`
UNWIND $rows AS row
MATCH (m:ChainModel {id: row.props.chainModelId})
MERGE (n:ChainStage {id: row.id})
SET n += $provenance, n += row.props
MERGE (m)-[:HAS_STAGE]->(n)
WITH n, row
UNWIND row.actorAgencyIds AS actorId
MATCH (a:Agency {id: actorId})
MERGE (a)-[:ACTS_AT]->(n)
RETURN count(n) AS written`,
  written,
);

const linkStageRegie = statement(
  'linkStageRegie',
  cypher`
UNWIND $rows AS row
MATCH (s:ChainStage {id: row.id}), (a:Agency {id: row.regieAgencyId})
MERGE (a)-[r:HOLDS_STAGE_REGIE]->(s)
SET r += $provenance, r.sourceLines = row.sourceLines
RETURN count(r) AS written`,
  written,
);

const linkStageOrder = statement(
  'linkStageOrder',
  cypher`
UNWIND $rows AS row
MATCH (s:ChainStage {id: row.id}), (next:ChainStage {id: row.nextId})
MERGE (s)-[:NEXT]->(next)
RETURN count(s) AS written`,
  written,
);

const upsertRegieNotes = statement(
  'upsertRegieNotes',
  cypher`
UNWIND $rows AS row
MATCH (c:Centrumgemeente {id: row.props.centrumgemeenteId})
MERGE (n:RegieNote {id: row.id})
SET n += $provenance, n += row.props
MERGE (c)-[:HAS_REGIE_NOTE]->(n)
WITH n, row
OPTIONAL MATCH (a:Agency {id: row.props.holderAgencyId})
FOREACH (_ IN CASE WHEN a IS NULL THEN [] ELSE [1] END | MERGE (n)-[:NOTED_HOLDER]->(a))
RETURN count(n) AS written`,
  written,
);

const upsertCovenants = statement(
  'upsertCovenants',
  cypher`
UNWIND $rows AS row
MATCH (c:Centrumgemeente {id: row.props.centrumgemeenteId})
MERGE (n:Covenant {id: row.id})
SET n += $provenance, n += row.props
MERGE (c)-[:HAS_ARRANGEMENT]->(n)
WITH n, row
UNWIND row.props.partyAgencyIds AS partyId
MATCH (a:Agency {id: partyId})
MERGE (a)-[:PARTY_TO]->(n)
RETURN count(n) AS written`,
  written,
);

const upsertEarlyWarnings = statement(
  'upsertEarlyWarnings',
  cypher`
UNWIND $rows AS row
MATCH (c:Centrumgemeente {id: row.props.centrumgemeenteId})
MERGE (n:EarlyWarningArrangement {id: row.id})
SET n += $provenance, n += row.props
MERGE (c)-[:HAS_EARLY_WARNING]->(n)
WITH n, row
OPTIONAL MATCH (cov:Covenant {id: row.props.covenantId})
FOREACH (_ IN CASE WHEN cov IS NULL THEN [] ELSE [1] END | MERGE (n)-[:UNDER_COVENANT]->(cov))
RETURN count(n) AS written`,
  written,
);

const upsertFigures = statement(
  'upsertPublishedFigures',
  cypher`
UNWIND $rows AS row
MERGE (n:PublishedFigure {id: row.id})
SET n += $provenance, n += row.props
WITH n, row
OPTIONAL MATCH (c:Centrumgemeente {id: row.props.centrumgemeenteId})
FOREACH (_ IN CASE WHEN c IS NULL THEN [] ELSE [1] END | MERGE (c)-[:PUBLISHED_FIGURE]->(n))
RETURN count(n) AS written`,
  written,
);

const upsertTables = statement(
  'upsertPublishedTables',
  cypher`
UNWIND $rows AS row
MATCH (c:Centrumgemeente {id: row.props.centrumgemeenteId})
MERGE (n:PublishedTable {id: row.id})
SET n += $provenance, n += row.props
MERGE (c)-[:PUBLISHED_TABLE]->(n)
RETURN count(n) AS written`,
  written,
);

const upsertRegistrationSystems = statement(
  'upsertRegistrationSystems',
  cypher`
UNWIND $rows AS row
MATCH (c:Centrumgemeente {id: row.props.centrumgemeenteId})
MERGE (n:RegistrationSystem {id: row.id})
SET n += $provenance, n += row.props
MERGE (c)-[:HAS_REGISTRATION_SYSTEM]->(n)
RETURN count(n) AS written`,
  written,
);

// Reads. Map projections return exactly the properties the zod row schemas name.
const CentrumgemeenteRow = Centrumgemeente.extend({
  province: opt(z.string()),
  regionName: opt(z.string()),
  regionDescription: opt(z.string()),
  regionNote: opt(z.string()),
  municipalityCount: opt(z.number().int()),
  interviewPeriod: opt(z.string()),
  chainCooperation: opt(ChainCooperation),
  chainCooperationLines: opt(z.string()),
  sourceLines: opt(z.string()),
  sourceDocument: opt(z.string()),
  recordedAt: instant,
});
export type CentrumgemeenteRecord = z.infer<typeof CentrumgemeenteRow>;

const listCentrumgemeenten = statement(
  'listCentrumgemeenten',
  cypher`
MATCH (n:Centrumgemeente)
RETURN n { .* } AS row
ORDER BY n.name`,
  z.object({ row: CentrumgemeenteRow }),
);

const centrumgemeentenByIds = statement(
  'centrumgemeentenByIds',
  cypher`
MATCH (n:Centrumgemeente) WHERE n.id IN $ids
RETURN n { .* } AS row`,
  z.object({ row: CentrumgemeenteRow }),
);

const MunicipalityRow = Municipality.extend({ sourceLines: opt(z.string()) });
const municipalitiesByCity = statement(
  'municipalitiesByCity',
  cypher`
MATCH (c:Centrumgemeente)-[:SERVES]->(n:Municipality) WHERE c.id IN $cityIds
RETURN n { .* } AS row
ORDER BY n.name`,
  z.object({ row: MunicipalityRow }),
);

const AgencyRow = Agency.extend({
  aliases: list(z.string()),
  roles: list(z.string()),
  note: opt(z.string()),
  memberCount: opt(z.number().int()),
  memberCountText: opt(z.string()),
  parentId: opt(z.string()),
  sourceLines: opt(z.string()),
  sourceDocument: opt(z.string()),
  recordedAt: instant,
});
export type AgencyRecord = z.infer<typeof AgencyRow>;

const agenciesByIds = statement(
  'agenciesByIds',
  cypher`
MATCH (n:Agency) WHERE n.id IN $ids
RETURN n { .id, .name, .aliases, .type, .roles, .note, .memberCount, .memberCountText, .parentId, .centrumgemeenteId, .sourceLines, .sourceDocument, .recordedAt } AS row`,
  z.object({ row: AgencyRow }),
);

const agenciesPage = statement(
  'agenciesPage',
  cypher`
MATCH (n:Agency)
WHERE ($cityId IS NULL OR n.centrumgemeenteId = $cityId)
  AND ($type IS NULL OR n.type = $type)
  AND ($search IS NULL OR n.searchKey CONTAINS $search)
  AND ($after IS NULL OR n.id > $after)
RETURN n { .id, .name, .aliases, .type, .roles, .note, .memberCount, .memberCountText, .parentId, .centrumgemeenteId, .sourceLines, .sourceDocument, .recordedAt } AS row
ORDER BY n.id
LIMIT $limit`,
  z.object({ row: AgencyRow }),
);

// Pages for several cities in one statement, so a list of cities with their agencies is not N+1.
const agencyPagesByCity = statement(
  'agencyPagesByCity',
  cypher`
MATCH (n:Agency)
WHERE n.centrumgemeenteId IN $cityIds AND ($after IS NULL OR n.id > $after)
WITH n ORDER BY n.id
WITH n.centrumgemeenteId AS cityId,
  collect(n { .id, .name, .aliases, .type, .roles, .note, .memberCount, .memberCountText, .parentId, .centrumgemeenteId, .sourceLines, .sourceDocument, .recordedAt }) AS rows
RETURN cityId, rows[0..$limit] AS rows`,
  z.object({ cityId: z.string(), rows: z.array(AgencyRow) }),
);

const FacilityRow = Facility.extend({
  aliases: list(z.string()),
  agencyId: opt(z.string()),
  location: opt(z.string()),
  note: opt(z.string()),
  sourceLines: opt(z.string()),
  sourceDocument: opt(z.string()),
  recordedAt: instant,
});
export type FacilityRecord = z.infer<typeof FacilityRow>;

const facilitiesByIds = statement(
  'facilitiesByIds',
  cypher`
MATCH (n:Facility) WHERE n.id IN $ids
RETURN n { .id, .name, .kind, .aliases, .agencyId, .centrumgemeenteId, .location, .note, .sourceLines, .sourceDocument, .recordedAt } AS row`,
  z.object({ row: FacilityRow }),
);

const facilitiesPage = statement(
  'facilitiesPage',
  cypher`
MATCH (n:Facility)
WHERE ($cityId IS NULL OR n.centrumgemeenteId = $cityId)
  AND ($agencyId IS NULL OR n.agencyId = $agencyId)
  AND ($search IS NULL OR n.searchKey CONTAINS $search)
  AND ($after IS NULL OR n.id > $after)
RETURN n { .id, .name, .kind, .aliases, .agencyId, .centrumgemeenteId, .location, .note, .sourceLines, .sourceDocument, .recordedAt } AS row
ORDER BY n.id
LIMIT $limit`,
  z.object({ row: FacilityRow }),
);

const facilityPagesByCity = statement(
  'facilityPagesByCity',
  cypher`
MATCH (n:Facility)
WHERE n.centrumgemeenteId IN $cityIds AND ($after IS NULL OR n.id > $after)
WITH n ORDER BY n.id
WITH n.centrumgemeenteId AS cityId,
  collect(n { .id, .name, .kind, .aliases, .agencyId, .centrumgemeenteId, .location, .note, .sourceLines, .sourceDocument, .recordedAt }) AS rows
RETURN cityId, rows[0..$limit] AS rows`,
  z.object({ cityId: z.string(), rows: z.array(FacilityRow) }),
);

const CapacityRow = CapacityFigure.extend({
  value: opt(z.number()),
  unit: CapacityUnit,
  unitNl: opt(z.string()),
  year: opt(z.number().int()),
  asOf: opt(z.string()),
  qualifier: opt(z.string()),
  sourceOrg: opt(z.string()),
  planned: z
    .boolean()
    .nullish()
    .transform((planned) => planned === true),
  note: opt(z.string()),
  sourceLines: opt(z.string()),
  sourceDocument: opt(z.string()),
  recordedAt: instant,
});
export type CapacityRecord = z.infer<typeof CapacityRow>;

const capacityByFacilityIds = statement(
  'capacityByFacilityIds',
  cypher`
MATCH (f:Facility)-[:HAS_CAPACITY]->(n:CapacityFigure) WHERE f.id IN $ids
RETURN n { .* } AS row
ORDER BY n.id`,
  z.object({ row: CapacityRow }),
);

// Every facility of a city with its figures, also those with none: a facility without a figure is an unknown part.
const capacityOfCities = statement(
  'capacityOfCities',
  cypher`
MATCH (f:Facility) WHERE f.centrumgemeenteId IN $cityIds
RETURN f.centrumgemeenteId AS cityId, f.id AS facilityId, [(f)-[:HAS_CAPACITY]->(n:CapacityFigure) | n { .* }] AS figures
ORDER BY f.id`,
  z.object({ cityId: z.string(), facilityId: z.string(), figures: z.array(CapacityRow) }),
);

const ChainModelRow = ChainModel.extend({
  name: opt(z.string()),
  publishedIn: opt(z.string()),
  appliesToFamilies: opt(z.boolean()),
  diagramMissingInText: opt(z.boolean()),
  scope: opt(z.string()),
  note: opt(z.string()),
  sourceLines: opt(z.string()),
  sourceDocument: opt(z.string()),
});
export type ChainModelRecord = z.infer<typeof ChainModelRow>;

const chainModelsByCity = statement(
  'chainModelsByCity',
  cypher`
MATCH (c:Centrumgemeente)-[:HAS_CHAIN_MODEL]->(n:ChainModel) WHERE c.id IN $cityIds
RETURN n { .* } AS row`,
  z.object({ row: ChainModelRow }),
);

const ChainStageRow = ChainStage.extend({
  regieAgencyId: opt(z.string()),
  regieNote: opt(z.string()),
  regieNoteNl: opt(z.string()),
  regieBasis: opt(RegieBasis),
  regieBasisLines: opt(z.string()),
  regieBasisText: opt(z.string()),
  regieBasisTextNl: opt(z.string()),
  actorAgencyIds: list(z.string()),
  sourceLines: opt(z.string()),
  sourceDocument: opt(z.string()),
});
export type ChainStageRecord = z.infer<typeof ChainStageRow>;

const stagesByChainModel = statement(
  'stagesByChainModel',
  cypher`
MATCH (m:ChainModel)-[:HAS_STAGE]->(n:ChainStage) WHERE m.id IN $ids
RETURN n { .* } AS row
ORDER BY n.chainModelId, n.order`,
  z.object({ row: ChainStageRow }),
);

const RegieNoteRow = RegieNote.extend({
  // Stores seeded before the Dutch stage label was added have none.
  stageNl: opt(z.string()),
  holderAgencyId: opt(z.string()),
  text: opt(z.string()),
  textNl: opt(z.string()),
  handoverTo: opt(z.string()),
  handoverTrigger: opt(z.string()),
  handoverToAgencyType: opt(AgencyType),
  handoverAtState: opt(ChainState),
  regieBasis: opt(RegieBasis),
  regieBasisLines: opt(z.string()),
  regieBasisText: opt(z.string()),
  regieBasisTextNl: opt(z.string()),
  sourceLines: opt(z.string()),
  sourceDocument: opt(z.string()),
});
export type RegieNoteRecord = z.infer<typeof RegieNoteRow>;

const regieNotesByCity = statement(
  'regieNotesByCity',
  cypher`
MATCH (c:Centrumgemeente)-[:HAS_REGIE_NOTE]->(n:RegieNote) WHERE c.id IN $cityIds
RETURN n { .* } AS row
ORDER BY n.id`,
  z.object({ row: RegieNoteRow }),
);

const CovenantRow = Covenant.extend({
  kind: opt(z.string()),
  signed: opt(z.string()),
  inForce: opt(z.string()),
  adopted: opt(z.string()),
  period: opt(z.string()),
  termYears: opt(z.number()),
  evaluationDue: opt(z.string()),
  commitments: list(z.string()),
  partyAgencyIds: list(z.string()),
  partiesNote: opt(z.string()),
  note: opt(z.string()),
  sourceLines: opt(z.string()),
  sourceDocument: opt(z.string()),
});
export type CovenantRecord = z.infer<typeof CovenantRow>;

const covenantsByCity = statement(
  'covenantsByCity',
  cypher`
MATCH (c:Centrumgemeente)-[:HAS_ARRANGEMENT]->(n:Covenant) WHERE c.id IN $cityIds
RETURN n { .* } AS row
ORDER BY n.id`,
  z.object({ row: CovenantRow }),
);

const EarlyWarningRow = EarlyWarningArrangement.extend({
  name: opt(z.string()),
  aliases: list(z.string()),
  formal: opt(z.boolean()),
  reportAfterMonthsArrears: opt(z.number()),
  firstContactAfterMonthsArrears: opt(z.number()),
  judgmentAfterMonthsArrears: opt(z.number()),
  feedbackDays: list(z.number().int()),
  feedbackNames: list(z.string()),
  incassoSuspensionMaxMonths: opt(z.number()),
  familySpecificAgreements: opt(z.boolean()),
  cityWideFrom: opt(z.string()),
  covenantId: opt(z.string()),
  reportedByAgencyIds: list(z.string()),
  reportedToAgencyIds: list(z.string()),
  otherTerms: list(z.string()),
  note: opt(z.string()),
  sourceLines: opt(z.string()),
  sourceDocument: opt(z.string()),
});
export type EarlyWarningRecord = z.infer<typeof EarlyWarningRow>;

const earlyWarningsByCity = statement(
  'earlyWarningsByCity',
  cypher`
MATCH (c:Centrumgemeente)-[:HAS_EARLY_WARNING]->(n:EarlyWarningArrangement) WHERE c.id IN $cityIds
RETURN n { .* } AS row`,
  z.object({ row: EarlyWarningRow }),
);

const FigureRow = PublishedFigure.extend({
  centrumgemeenteId: opt(z.string()),
  year: opt(z.number().int()),
  period: opt(z.string()),
  status: FigureStatus,
  value: opt(z.number()),
  valueText: opt(z.string()),
  unit: opt(z.string()),
  scope: opt(z.string()),
  sourceOrg: opt(z.string()),
  qualifier: opt(z.string()),
  agencyId: opt(z.string()),
  facilityId: opt(z.string()),
  subjectName: opt(z.string()),
  note: opt(z.string()),
  sourceLines: opt(z.string()),
});
export type FigureRecord = z.infer<typeof FigureRow>;

const figuresByCity = statement(
  'figuresByCity',
  cypher`
MATCH (c:Centrumgemeente)-[:PUBLISHED_FIGURE]->(n:PublishedFigure) WHERE c.id IN $cityIds
RETURN n { .* } AS row
ORDER BY n.metric, n.year, n.id`,
  z.object({ row: FigureRow }),
);

const TableRow = PublishedTable.extend({
  sourceOrg: opt(z.string()),
  scope: opt(z.string()),
  unit: opt(z.string()),
  unitNote: opt(z.string()),
  columnGloss: z
    .array(z.string())
    .nullish()
    .transform((gloss) => gloss ?? []),
  note: opt(z.string()),
  sourceLines: opt(z.string()),
  sourceDocument: opt(z.string()),
});
export type TableRecord = Omit<z.infer<typeof TableRow>, 'columnGloss'> & { columnGloss: (string | null)[] };

const tablesByCity = statement(
  'tablesByCity',
  cypher`
MATCH (c:Centrumgemeente)-[:PUBLISHED_TABLE]->(n:PublishedTable) WHERE c.id IN $cityIds
RETURN n { .* } AS row
ORDER BY n.id`,
  z.object({ row: TableRow }),
);

const nationalFigures = statement(
  'nationalFigures',
  cypher`
MATCH (n:PublishedFigure) WHERE n.centrumgemeenteId IS NULL
RETURN n { .* } AS row
ORDER BY n.metric, n.year, n.id`,
  z.object({ row: FigureRow }),
);

const RegistrationSystemRow = RegistrationSystem.extend({
  holderAgencyId: opt(z.string()),
  recordsComposition: opt(z.boolean()),
  since: opt(z.string()),
  note: opt(z.string()),
  sourceLines: opt(z.string()),
});
export type RegistrationSystemRecord = z.infer<typeof RegistrationSystemRow>;

const registrationSystemsByCity = statement(
  'registrationSystemsByCity',
  cypher`
MATCH (c:Centrumgemeente)-[:HAS_REGISTRATION_SYSTEM]->(n:RegistrationSystem) WHERE c.id IN $cityIds
RETURN n { .* } AS row
ORDER BY n.id`,
  z.object({ row: RegistrationSystemRow }),
);

const countByLabel = statement(
  'countReferenceNodes',
  cypher`
MATCH (n)
WHERE n:Centrumgemeente OR n:Agency OR n:Facility OR n:CapacityFigure OR n:ChainStage OR n:Covenant OR n:PublishedFigure
RETURN count(n) AS written`,
  written,
);

export interface AgencyFilter {
  cityId?: string | null;
  type?: z.infer<typeof AgencyType> | null;
  search?: string | null;
}

export function createReferenceRepository(executor: CypherExecutor) {
  const byCity = <Row>(rows: { row: Row & { centrumgemeenteId?: string | null } }[]) => rows.map((r) => r.row);

  return {
    /** Writes the whole reference graph in one transaction: a partial city is never visible. */
    async upsertAll(graph: ReferenceGraph, provenance: Provenance): Promise<void> {
      const prov = flatProvenance(provenance);
      await executor.write(async (tx) => {
        // In the same transaction as the data: every app's reference cache sees the change at its next request.
        await bumpReferenceVersionIn(tx);
        await upsert(tx, upsertCentrumgemeenten, graph.centrumgemeenten, prov);
        await upsert(tx, upsertMunicipalities, graph.municipalities, prov);
        await upsert(
          tx,
          upsertAgencies,
          graph.agencies.map((a) => ({ ...a, searchKey: searchKey(a.name, ...a.aliases) })),
          prov,
        );
        await tx.run(linkAgencyParents, {
          rows: graph.agencies.filter((a) => a.parentId).map((a) => ({ id: a.id, parentId: a.parentId })),
        });
        await upsert(
          tx,
          upsertFacilities,
          graph.facilities.map((f) => ({ ...f, searchKey: searchKey(f.name, ...f.aliases) })),
          prov,
        );
        await upsert(tx, upsertCapacityFigures, graph.capacityFigures, prov);
        await upsert(tx, upsertChainModels, graph.chainModels, prov);
        await tx.run(upsertChainStages, {
          rows: graph.chainStages.map((s) => ({ id: s.id, props: withoutNulls(s), actorAgencyIds: s.actorAgencyIds })),
          provenance: prov,
        });
        await tx.run(linkStageRegie, {
          rows: graph.chainStages
            .filter((s) => s.regieAgencyId)
            .map((s) => ({ id: s.id, regieAgencyId: s.regieAgencyId, sourceLines: s.sourceLines })),
          provenance: prov,
        });
        await tx.run(linkStageOrder, { rows: stageSuccessors(graph.chainStages) });
        await upsert(tx, upsertRegieNotes, graph.regieNotes, prov);
        await upsert(tx, upsertCovenants, graph.covenants, prov);
        await upsert(tx, upsertEarlyWarnings, graph.earlyWarnings, prov);
        await tx.run(upsertFigures, {
          rows: graph.figures.map((f) => ({ id: f.id, props: withoutNulls(f) })),
          provenance: prov,
        });
        // Neo4j lists hold no nulls: an unexplained column is stored as "" and read back as null.
        await upsert(
          tx,
          upsertTables,
          graph.tables.map((t) => ({ ...t, columnGloss: t.columnGloss.map((g) => g ?? '') })),
          prov,
        );
        await upsert(tx, upsertRegistrationSystems, graph.registrationSystems, prov);
      });
    },

    async countReferenceNodes(): Promise<number> {
      const [row] = await executor.readStatement(countByLabel);
      return row?.written ?? 0;
    },

    listCentrumgemeenten: async () => byCity(await executor.readStatement(listCentrumgemeenten)),
    centrumgemeentenByIds: async (ids: readonly string[]) => byCity(await executor.readStatement(centrumgemeentenByIds, { ids: [...ids] })),
    municipalitiesByCity: async (cityIds: readonly string[]) =>
      byCity(await executor.readStatement(municipalitiesByCity, { cityIds: [...cityIds] })),
    agenciesByIds: async (ids: readonly string[]) => byCity(await executor.readStatement(agenciesByIds, { ids: [...ids] })),

    async agencies(filter: AgencyFilter, first: number, after: string | null): Promise<Page<AgencyRecord>> {
      const search = filter.search ? searchKey(filter.search) : null;
      return readPage(
        executor,
        agenciesPage,
        { cityId: filter.cityId ?? null, type: filter.type ?? null, search },
        first,
        after,
        (r) => r.row,
      );
    },

    /** One page per city for many cities at once: one statement, keyed by city. */
    async agencyPagesByCity(cityIds: readonly string[], first: number, after: string | null): Promise<Map<string, Page<AgencyRecord>>> {
      const rows = await executor.readStatement(agencyPagesByCity, { cityIds: [...cityIds], after, limit: first + 1 });
      return new Map(rows.map((row) => [row.cityId, pageOf(row.rows, first)]));
    },

    async facilityPagesByCity(cityIds: readonly string[], first: number, after: string | null): Promise<Map<string, Page<FacilityRecord>>> {
      const rows = await executor.readStatement(facilityPagesByCity, { cityIds: [...cityIds], after, limit: first + 1 });
      return new Map(rows.map((row) => [row.cityId, pageOf(row.rows, first)]));
    },

    facilitiesByIds: async (ids: readonly string[]) => byCity(await executor.readStatement(facilitiesByIds, { ids: [...ids] })),

    async facilities(
      filter: { cityId?: string | null; agencyId?: string | null; search?: string | null },
      first: number,
      after: string | null,
    ): Promise<Page<FacilityRecord>> {
      const search = filter.search ? searchKey(filter.search) : null;
      return readPage(
        executor,
        facilitiesPage,
        { cityId: filter.cityId ?? null, agencyId: filter.agencyId ?? null, search },
        first,
        after,
        (r) => r.row,
      );
    },

    capacityByFacilityIds: async (ids: readonly string[]) => byCity(await executor.readStatement(capacityByFacilityIds, { ids: [...ids] })),
    /** Per city: every facility id with its capacity figures (an empty list where the sources state none). */
    capacityOfCities: (cityIds: readonly string[]) => executor.readStatement(capacityOfCities, { cityIds: [...cityIds] }),
    chainModelsByCity: async (cityIds: readonly string[]) =>
      byCity(await executor.readStatement(chainModelsByCity, { cityIds: [...cityIds] })),
    stagesByChainModel: async (ids: readonly string[]) => byCity(await executor.readStatement(stagesByChainModel, { ids: [...ids] })),
    regieNotesByCity: async (cityIds: readonly string[]) =>
      byCity(await executor.readStatement(regieNotesByCity, { cityIds: [...cityIds] })),
    covenantsByCity: async (cityIds: readonly string[]) => byCity(await executor.readStatement(covenantsByCity, { cityIds: [...cityIds] })),
    earlyWarningsByCity: async (cityIds: readonly string[]) =>
      byCity(await executor.readStatement(earlyWarningsByCity, { cityIds: [...cityIds] })),
    figuresByCity: async (cityIds: readonly string[]) => byCity(await executor.readStatement(figuresByCity, { cityIds: [...cityIds] })),
    tablesByCity: async (cityIds: readonly string[]) =>
      (await executor.readStatement(tablesByCity, { cityIds: [...cityIds] })).map(({ row }): TableRecord => ({
        ...row,
        columnGloss: row.columnGloss.map((gloss) => gloss || null),
      })),
    nationalFigures: async () => (await executor.readStatement(nationalFigures)).map((r) => r.row),
    registrationSystemsByCity: async (cityIds: readonly string[]) =>
      byCity(await executor.readStatement(registrationSystemsByCity, { cityIds: [...cityIds] })),
  };
}

export type ReferenceRepository = ReturnType<typeof createReferenceRepository>;

type FlatProvenance = Record<string, string | null>;

function flatProvenance(provenance: Provenance): FlatProvenance {
  return { ...provenance };
}

async function upsert<T extends { id: string }>(
  tx: CypherTx,
  upsertStatement: Parameters<CypherTx['run']>[0],
  rows: T[],
  provenance: FlatProvenance,
): Promise<void> {
  await tx.run(upsertStatement, { rows: rows.map((row) => ({ id: row.id, props: withoutNulls(row) })), provenance });
}

function stageSuccessors(stages: ChainStage[]): { id: string; nextId: string }[] {
  const byModel = new Map<string, ChainStage[]>();
  for (const stage of stages) byModel.set(stage.chainModelId, [...(byModel.get(stage.chainModelId) ?? []), stage]);
  return [...byModel.values()].flatMap((modelStages) => {
    const ordered = [...modelStages].sort((a, b) => a.order - b.order);
    return ordered.slice(1).map((stage, index) => ({ id: ordered[index]!.id, nextId: stage.id }));
  });
}
