// Synthetic regions beyond the four cities (for national-scale runs): every fact labelled synthetic, none presented as real.
import type { AgencyType, Provenance } from '@ketenkaart/schema';
import { createRepositories, type CypherExecutor, type ReferenceGraph } from '@ketenkaart/api';
import { cityRoles, syntheticRegionRoles, type CityRoles } from './city-roles.js';

const roleTypes: [keyof CityRoles, AgencyType, string][] = [
  ['corporation', 'HOUSING_CORPORATION', 'Woningcorporatie'],
  ['prevention', 'SOCIAL_WORK', 'Meldpunt vroegsignalering'],
  ['socialWork', 'SOCIAL_WORK', 'Maatschappelijk werk'],
  ['debtCounselling', 'DEBT_COUNSELLING', 'Schuldhulpverlening'],
  ['court', 'COURT', 'Rechtbank'],
  ['bailiff', 'BAILIFF', 'Deurwaarder'],
  ['afterEviction', 'GGD', 'GGD'],
  ['shelter', 'MO_SHELTER', 'Maatschappelijke opvang'],
  ['youthCare', 'YOUTH_CARE', 'Jeugdzorg'],
];

export function syntheticRegionGraph(roles: CityRoles, index: number): ReferenceGraph {
  return {
    centrumgemeenten: [
      {
        id: roles.cityId,
        name: roles.municipality,
        province: null,
        g4: false,
        regionName: null,
        regionDescription: 'Synthetic region for load tests; not a real centrumgemeente.',
        regionNote: null,
        municipalityCount: null,
        interviewPeriod: null,
        chainCooperation: null,
        chainCooperationLines: null,
        sourceLines: null,
      },
    ],
    municipalities: [],
    agencies: roleTypes.flatMap(([role, type, name]) => {
      const id = roles[role] as string | null;
      return id
        ? [
            {
              id,
              name: `${name} (synthetisch ${index})`,
              aliases: [],
              type,
              roles: [String(role)],
              note: 'synthetic',
              memberCount: null,
              memberCountText: null,
              parentId: null,
              centrumgemeenteId: roles.cityId,
              sourceLines: null,
            },
          ]
        : [];
    }),
    facilities: [
      {
        id: roles.familyFacility,
        name: `Gezinsopvang (synthetisch ${index})`,
        kind: 'family shelter',
        aliases: [],
        agencyId: roles.shelter,
        centrumgemeenteId: roles.cityId,
        location: null,
        note: 'synthetic',
        sourceLines: null,
      },
    ],
    capacityFigures: [
      {
        id: `${roles.familyFacility}-cap-1`,
        facilityId: roles.familyFacility,
        value: 20,
        unit: 'units',
        unitNl: null,
        targetGroup: 'families',
        year: null,
        asOf: null,
        qualifier: null,
        sourceOrg: null,
        planned: false,
        note: 'synthetic',
        sourceLines: null,
      },
    ],
    chainModels: [],
    chainStages: [],
    regieNotes: [],
    covenants: [],
    earlyWarnings: [],
    figures: [],
    tables: [],
    registrationSystems: [],
  };
}

/** The roles for `count` regions: the four real cities first, then synthetic ones, whose reference data is written here. */
export async function regionsFor(executor: CypherExecutor, count: number, now: Date): Promise<CityRoles[]> {
  const real = cityRoles.slice(0, Math.min(count, cityRoles.length));
  const extra = Array.from({ length: Math.max(0, count - cityRoles.length) }, (_, i) => syntheticRegionRoles(cityRoles.length + i + 1));
  const provenance: Provenance = {
    provenanceKind: 'SYNTHETIC',
    sourceDocument: null,
    sourceLines: null,
    reportingAgencyId: null,
    recordedAt: now.toISOString(),
    recordedBy: 'seed:synthetic',
  };
  const repos = createRepositories(executor);
  for (const [i, roles] of extra.entries())
    await repos.reference.upsertAll(syntheticRegionGraph(roles, cityRoles.length + i + 1), provenance);
  return [...real, ...extra];
}
