// Gaps in the chain (G1-G17 of docs/domain.md): findings with their evidence path, rule settings per city, counts.
import { GapRuleId, GapSeverity, gapRules, type GapRule, type GapRuleSetting } from '@ketenkaart/schema';
import { cell } from '../../analytics/disclosure.js';
import { defaultSetting } from '../../gaps/detect-gaps.js';
import { GapResolutionKind, type FindingRecord, type ResolvedGapRecord } from '../../repositories/gap-repository.js';
import { logAggregateRead } from '../../access/logged-decisions.js';
import { refuse, requireViewer } from '../authorization.js';
import { builder } from '../builder.js';
import { ValidationError } from '../errors.js';
import { checkedPeriod } from '../period.js';
import { decodeCursor, pageSize, toConnection } from '../pagination.js';
import { AgencyRef } from '../reference/Agency.js';
import { EventRef, HouseholdRef } from '../households/Household.js';
import { ChainStateEnum } from '../households/household-enums.js';
import { loadExisting } from '../../loaders.js';
import { CentrumgemeenteRef } from '../refs.js';

export const GapRuleIdEnum = builder.enumType('GapRuleId', { description: 'A gap rule (hiaat in de keten).', values: GapRuleId.options });
export const GapSeverityEnum = builder.enumType('GapSeverity', { description: 'How serious a gap is.', values: GapSeverity.options });

const EvidenceEdgeRef = builder.objectRef<{ source: string; target: string; kind: string }>('EvidenceEdge').implement({
  description: 'An edge of the evidence path, in the node ids of the trajectory graph.',
  fields: (t) => ({
    source: t.exposeID('source', { description: 'Source node id.' }),
    target: t.exposeID('target', { description: 'Target node id.' }),
    kind: t.exposeString('kind', { description: 'Kind of edge.' }),
  }),
});

export const GapFindingRef = builder.objectRef<FindingRecord>('GapFinding').implement({
  description:
    'A gap found on a household path: which rule, where in the chain, which agencies, and the nodes and edges that make it a gap.',
  authScopes: (finding) => ({ householdVisible: finding.householdId }),
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Rule, household and anchor.' }),
    rule: t.field({ type: GapRuleIdEnum, description: 'The rule that fired.', resolve: (f) => f.ruleId }),
    severity: t.field({ type: GapSeverityEnum, description: 'Severity in this city.', resolve: (f) => f.severity }),
    stage: t.field({ type: ChainStateEnum, nullable: true, description: 'Chain state when the gap arose.', resolve: (f) => f.stage }),
    detectedOn: t.field({
      type: 'Date',
      description: 'Day the missing step became overdue, or the day of the event that is the gap.',
      resolve: (f) => f.detectedOn,
    }),
    dueOn: t.field({
      type: 'Date',
      nullable: true,
      description:
        'For a missed term: its last day, on which the step was still on time (the gap starts the day after). The worklist gives the same day as its due day. Null for a gap that is an event or a state, not a missed term.',
      resolve: (f) => f.dueOn ?? null,
    }),
    household: t.field({
      type: HouseholdRef,
      description: 'The household.',
      resolve: async (f, _a, ctx) => (await ctx.loaders.household.load(f.householdId))!,
    }),
    agencies: t.field({
      type: [AgencyRef],
      description: 'Agencies involved.',
      resolve: (f, _a, ctx) => loadExisting(ctx.loaders.agency, f.agencyIds),
    }),
    evidenceNodes: t.exposeIDList('evidenceNodes', { description: 'Node ids of the evidence path, as in the trajectory graph.' }),
    evidenceEdges: t.field({ type: [EvidenceEdgeRef], description: 'Edges of the evidence path.', resolve: (f) => f.evidenceEdges }),
    summary: t.exposeString('summary', { description: 'What is missing, in English.' }),
  }),
});

const GapRuleRef = builder.objectRef<{ rule: GapRule; setting: GapRuleSetting }>('GapRule').implement({
  description: 'A gap rule and its setting in one city; thresholds are data per city, with their source.',
  fields: (t) => ({
    id: t.field({ type: GapRuleIdEnum, description: 'Rule id.', resolve: (r) => r.rule.id }),
    pattern: t.string({
      description: 'Pattern in docs/domain.md §4 (G1-G17) or rights checkpoint (RC1-RC11).',
      resolve: (r) => r.rule.pattern,
    }),
    name: t.string({ description: 'Name in English.', resolve: (r) => r.rule.name }),
    nameNl: t.string({ description: 'Name in Dutch.', resolve: (r) => r.rule.nameNl }),
    description: t.string({ description: 'What the rule looks for.', resolve: (r) => r.rule.description }),
    ruleSource: t.string({ description: 'docs/domain.md pattern and source lines.', resolve: (r) => r.rule.source }),
    enabled: t.boolean({
      description: 'Whether the rule runs in this city (off where its norm is unknown).',
      resolve: (r) => r.setting.enabled,
    }),
    days: t.int({
      nullable: true,
      description: 'Threshold in days; null for rules without a deadline or with an unknown norm.',
      resolve: (r) => r.setting.days,
    }),
    severity: t.field({ type: GapSeverityEnum, description: 'Severity in this city.', resolve: (r) => r.setting.severity }),
    settingSource: t.string({
      description: 'Where the threshold comes from (a covenant line, or the Ketenkaart default).',
      resolve: (r) => r.setting.source,
    }),
  }),
});

const GapCountRef = builder
  .objectRef<{ cityId: string; ruleId: GapRuleId; households: number | null; suppressed: boolean }>('GapCount')
  .implement({
    description: 'Households with a gap of one rule in one city. Small counts are suppressed for policy makers.',
    fields: (t) => ({
      centrumgemeente: t.field({
        type: CentrumgemeenteRef,
        description: 'Region.',
        resolve: async (c, _a, ctx) => (await ctx.loaders.centrumgemeente.load(c.cityId))!,
      }),
      rule: t.field({ type: GapRuleIdEnum, description: 'Rule.', resolve: (c) => c.ruleId }),
      households: t.int({ nullable: true, description: 'Households with this gap; null when suppressed.', resolve: (c) => c.households }),
      suppressed: t.exposeBoolean('suppressed', { description: 'True when the count is below the disclosure threshold (5) and hidden.' }),
    }),
  });

function regionsOf(ctx: Parameters<typeof requireViewer>[0], asked: string | null | undefined): string[] {
  const viewer = requireViewer(ctx);
  if (viewer.role === 'COORDINATOR') {
    if (asked && asked !== viewer.centrumgemeenteId)
      throw refuse(ctx, 'coordinators see the gaps of their own region', {}, 'OWN_REGION_ONLY');
    return viewer.centrumgemeenteId ? [viewer.centrumgemeenteId] : [];
  }
  throw refuse(ctx, `your role (${viewer.role}) sees gaps through households or as counts`, {}, 'ROLE_NOT_ALLOWED');
}

const GapResolutionKindEnum = builder.enumType('GapResolutionKind', {
  description: 'The change that made a gap go away.',
  values: GapResolutionKind.options,
});

const ResolvedGapRef = builder.objectRef<ResolvedGapRecord>('ResolvedGap').implement({
  description: 'A gap that is no longer found on the household path: when, and by what change, it went away.',
  authScopes: (gap) => ({ householdVisible: gap.householdId }),
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The finding and when it was resolved.' }),
    findingId: t.exposeID('findingId', { description: 'Id the open finding had.' }),
    rule: t.field({ type: GapRuleIdEnum, description: 'The rule that had fired.', resolve: (g) => g.ruleId }),
    severity: t.field({ type: GapSeverityEnum, description: 'Severity it had.', resolve: (g) => g.severity }),
    detectedOn: t.field({ type: 'Date', description: 'Day the gap arose.', resolve: (g) => g.detectedOn }),
    resolvedOn: t.field({ type: 'Date', description: 'Day it went away.', resolve: (g) => g.resolvedOn }),
    resolvedAt: t.field({ type: 'DateTime', description: 'When it went away.', resolve: (g) => g.resolvedAt }),
    resolvedBy: t.field({
      type: GapResolutionKindEnum,
      description: 'The kind of change that closed it.',
      resolve: (g) => GapResolutionKind.parse(g.resolvedByKind),
    }),
    resolvedByEvent: t.field({
      type: EventRef,
      nullable: true,
      description: 'The recorded event that closed it, when it was one.',
      // Through the per-request loader of the household's events: one read for all resolved gaps of a trace.
      resolve: async (g, _a, ctx) =>
        g.resolvedByEventId
          ? ((await ctx.loaders.eventsByHousehold.load(g.householdId)).find((e) => e.id === g.resolvedByEventId) ?? null)
          : null,
    }),
    evidenceNodes: t.exposeIDList('evidenceNodes', { description: 'Node ids of the evidence path it had.' }),
    summary: t.exposeString('summary', { description: 'What was missing, in English.' }),
  }),
});

builder.objectField(HouseholdRef, 'resolvedGaps', (t) =>
  t.field({
    type: [ResolvedGapRef],
    description: 'Gaps that went away on this household path, newest first (at most 50).',
    resolve: (h, _a, ctx) => ctx.loaders.resolvedGapsByHousehold.load(h.id),
  }),
);

builder.objectField(HouseholdRef, 'gaps', (t) =>
  t.field({
    type: [GapFindingRef],
    description: 'Open gaps on this household path, each with its evidence.',
    resolve: (h, _a, ctx) => ctx.loaders.gapsByHousehold.load(h.id),
  }),
);

const GapSweepRef = builder.objectRef<{ at: string; households: number; changedHouseholds: number }>('GapSweep').implement({
  description: 'A run of the gap sweep (controle op verstreken termijnen): when deadlines were last checked.',
  fields: (t) => ({
    at: t.field({ type: 'DateTime', description: 'When the sweep ran.', resolve: (run) => run.at }),
    households: t.exposeInt('households', { description: 'Households whose review day had come.' }),
    changedHouseholds: t.exposeInt('changedHouseholds', { description: 'Of those, households whose gaps changed.' }),
  }),
});

builder.queryFields((t) => ({
  lastGapSweep: t.field({
    type: GapSweepRef,
    nullable: true,
    description: 'The last gap sweep: findings change with every recorded step, and passed deadlines are caught by the sweep.',
    authScopes: { signedIn: true },
    resolve: (_root, _args, ctx) => ctx.repos.gaps.lastSweep(),
  }),
  gaps: t.connection({
    type: GapFindingRef,
    description: 'Gaps in a region (coordinators), filtered by rule, severity, agency and period.',
    authScopes: { signedIn: true },
    args: {
      centrumgemeenteId: t.arg.id({ description: 'Region (default: your own).' }),
      rules: t.arg({ type: [GapRuleIdEnum], description: 'Only these rules.' }),
      severities: t.arg({ type: [GapSeverityEnum], description: 'Only these severities.' }),
      agencyId: t.arg.id({ description: 'Only gaps involving this agency.' }),
      from: t.arg({ type: 'Date', description: 'Detected on or after.' }),
      to: t.arg({ type: 'Date', description: 'Detected on or before.' }),
    },
    resolve: async (_root, args, ctx) => {
      const cityIds = regionsOf(ctx, args.centrumgemeenteId ? args.centrumgemeenteId : null);
      const page = await ctx.repos.gaps.findings(
        {
          cityIds,
          ruleIds: args.rules ?? null,
          severities: args.severities ?? null,
          agencyId: args.agencyId ? args.agencyId : null,
          from: args.from ?? null,
          to: args.to ?? null,
        },
        pageSize(args.first),
        decodeCursor(args.after),
      );
      await ctx.access.log({
        action: 'SEARCH',
        searchTerms: `gaps ${cityIds.join(',')}`,
        outcome: 'ALLOWED',
        basis: `${page.items.length} findings`,
      });
      return toConnection(page, (f) => f.id);
    },
  }),
  gapCounts: t.field({
    type: [GapCountRef],
    description:
      'Households per gap rule and region. For policy makers counts below 5 are suppressed and the rest rounded to a multiple of 5.',
    authScopes: { signedIn: true },
    args: {
      centrumgemeenteIds: t.arg.idList({ required: true, description: 'Regions to count.' }),
      from: t.arg({ type: 'Date', description: 'Detected on or after.' }),
      to: t.arg({ type: 'Date', description: 'Detected on or before.' }),
    },
    resolve: async (_root, args, ctx) => {
      const viewer = requireViewer(ctx);
      const cityIds = args.centrumgemeenteIds.map(String);
      if (cityIds.length > 50)
        throw new ValidationError([{ path: ['centrumgemeenteIds'], code: 'TOO_MANY_REGIONS', params: { maximum: 50 } }]);
      if (viewer.role !== 'POLICY_MAKER' && viewer.role !== 'COORDINATOR')
        throw refuse(ctx, 'counts are for policy makers and coordinators', {}, 'ROLE_NOT_ALLOWED');
      if (viewer.role === 'COORDINATOR' && cityIds.some((id) => id !== viewer.centrumgemeenteId))
        throw refuse(ctx, 'coordinators count their own region', {}, 'OWN_REGION_ONLY');
      // A reversed period is refused before the read is logged, as for the other figure queries.
      if (args.from && args.to) checkedPeriod({ from: args.from, to: args.to });
      const suppress = viewer.role === 'POLICY_MAKER';
      logAggregateRead(ctx, cityIds, suppress);
      const rows = await ctx.repos.gaps.counts(cityIds, args.from ?? null, args.to ?? null);
      // Every rule for every region, zero included, so that an absent row cannot be read as "suppressed elsewhere".
      return cityIds.flatMap((cityId) =>
        GapRuleId.options.map((ruleId) => {
          const count = rows.find((r) => r.cityId === cityId && r.ruleId === ruleId)?.households ?? 0;
          const shown = cell(count, suppress);
          return { cityId, ruleId, households: shown.value, suppressed: shown.suppressed };
        }),
      );
    },
  }),
  gapRules: t.field({
    type: [GapRuleRef],
    description: 'The gap rules with their setting in a region: threshold, severity and the source of the threshold.',
    args: { centrumgemeenteId: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const cityId = args.centrumgemeenteId;
      const settings = await ctx.repos.gaps.settingsByCity([cityId]);
      return GapRuleId.options.map((id) => ({
        rule: gapRules[id],
        setting: settings.find((s) => s.ruleId === id) ?? defaultSetting(cityId, id),
      }));
    },
  }),
}));
