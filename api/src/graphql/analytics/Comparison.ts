// City comparison over GraphQL: structure differences, outcomes side by side, and which cells were suppressed.
import { compareCities, type Comparison } from '../../analytics/comparison.js';
import { DEFAULT_MIN_CELL, ROUNDING_BASE, type Cell } from '../../analytics/disclosure.js';
import { OUTCOME_MEASURES, measureDefinitions, type CityOutcomes, type SuppressedCell } from '../../analytics/outcomes.js';
import { comparisonScope } from '../../analytics/comparison-scope.js';
import { builder } from '../builder.js';
import { unwrap } from '../results.js';
import { CellRef } from './Analytics.js';
import { PublishedFigureRef } from '../reference/Centrumgemeente.js';
import { RefusalReasonEnum } from '../households/household-enums.js';
import { CentrumgemeenteRef } from '../refs.js';

const OutcomeMeasureEnum = builder.enumType('OutcomeMeasure', {
  description: 'An outcome compared between cities; each counts households with that step in the period.',
  values: OUTCOME_MEASURES,
});

const MeasureDefinitionRef = builder.objectRef<(typeof OUTCOME_MEASURES)[number]>('OutcomeDefinition').implement({
  description: 'What an outcome measure counts, in which unit, and from where.',
  fields: (t) => ({
    measure: t.field({ type: OutcomeMeasureEnum, description: 'The measure.', resolve: (m) => m }),
    definition: t.string({ description: 'Definition.', resolve: (m) => measureDefinitions[m].definition }),
    unit: t.string({ description: 'Unit of the value.', resolve: () => 'households' }),
    source: t.string({
      description: 'Where the value comes from.',
      resolve: () => 'recorded in Ketenkaart (synthetic data are flagged as such)',
    }),
    publishedMetrics: t.stringList({
      description: 'Metrics of the published report shown next to it, where the report has them.',
      resolve: (m) => measureDefinitions[m].publishedMetrics,
    }),
  }),
});

const OutcomeValueRef = builder
  .objectRef<{ cityId: string; measure: (typeof OUTCOME_MEASURES)[number]; households: Cell; comparison: Comparison }>('OutcomeValue')
  .implement({
    description: 'One measure for one city.',
    fields: (t) => ({
      measure: t.field({ type: OutcomeMeasureEnum, description: 'The measure.', resolve: (v) => v.measure }),
      households: t.field({
        type: CellRef,
        description: 'Households, measured from recorded data; suppressed or rounded for policy makers.',
        resolve: (v) => v.households,
      }),
      per1000Households: t.float({
        nullable: true,
        description:
          'Per 1,000 households in the region; null: the number of households per region is not in the source data (unknown, not zero).',
        resolve: () => null,
      }),
      status: t.string({
        description: 'MEASURED (from recorded data) or SUPPRESSED.',
        resolve: (v) => (v.households.suppressed ? 'SUPPRESSED' : 'MEASURED'),
      }),
      published: t.field({
        type: [PublishedFigureRef],
        description: "The report's own figures for this measure and city, with year, status and source lines (not the same period).",
        resolve: (v) => v.comparison.published.get(v.cityId)?.get(v.measure) ?? [],
      }),
    }),
  });

const CityOutcomesRef = builder.objectRef<{ outcome: CityOutcomes; comparison: Comparison }>('CityOutcomes').implement({
  description: 'Outcomes of one city in the period.',
  fields: (t) => ({
    centrumgemeente: t.field({
      type: CentrumgemeenteRef,
      description: 'The city.',
      resolve: async (c, _a, ctx) => (await ctx.loaders.centrumgemeente.load(c.outcome.cityId))!,
    }),
    measures: t.field({
      type: [OutcomeValueRef],
      description: 'Every measure, zero included.',
      resolve: (c) => c.outcome.measures.map((m) => ({ ...m, cityId: c.outcome.cityId, comparison: c.comparison })),
    }),
    refusalsByReason: t.field({
      type: [
        builder.objectRef<{ reason: string; households: Cell }>('RefusalReasonOutcome').implement({
          description: 'Households refused for one reason.',
          fields: (r) => ({
            reason: r.field({ type: RefusalReasonEnum, description: 'Reason.', resolve: (x) => x.reason as never }),
            households: r.field({ type: CellRef, description: 'Households.', resolve: (x) => x.households }),
          }),
        }),
      ],
      description: 'Refusals by reason; one group for secondary suppression.',
      resolve: (c) => c.outcome.refusalsByReason,
    }),
    waitingExits: t.field({ type: CellRef, description: 'Waiting-list exits in the period.', resolve: (c) => c.outcome.waitingDays.exits }),
    medianWaitingDays: t.int({
      nullable: true,
      description: 'Median days from entry to exit; null when unknown or suppressed.',
      resolve: (c) => c.outcome.waitingDays.median,
    }),
    p90WaitingDays: t.int({
      nullable: true,
      description: '90th percentile of days from entry to exit; null when unknown or suppressed.',
      resolve: (c) => c.outcome.waitingDays.p90,
    }),
  }),
});

const SuppressedCellRef = builder.objectRef<SuppressedCell>('SuppressedCell').implement({
  description: 'A cell left out of the comparison, and why.',
  fields: (t) => ({
    centrumgemeente: t.field({
      type: CentrumgemeenteRef,
      description: 'City.',
      resolve: async (s, _a, ctx) => (await ctx.loaders.centrumgemeente.load(s.cityId))!,
    }),
    measure: t.exposeString('measure', { description: 'Measure, or MEASURE:REASON for a refusal reason, or WAITING_DAYS.' }),
    reason: t.exposeString('reason', {
      description: `BELOW_THRESHOLD (a count of 1 to ${DEFAULT_MIN_CELL - 1}) or SECONDARY (hidden so that a hidden cell cannot be derived from the others).`,
    }),
  }),
});

const StructureDifferenceRef = builder.objectRef<Comparison['differences'][number]>('StructureDifference').implement({
  description: 'An aspect of how the chain is organised on which the compared cities differ.',
  fields: (t) => ({
    aspect: t.exposeString('aspect', { description: 'What is compared.' }),
    values: t.field({
      type: [
        builder.objectRef<{ cityId: string; value: string | null }>('StructureValue').implement({
          description: "One city's value; null means the sources do not say (unknown).",
          fields: (v) => ({
            centrumgemeente: v.field({
              type: CentrumgemeenteRef,
              description: 'City.',
              resolve: async (x, _a, ctx) => (await ctx.loaders.centrumgemeente.load(x.cityId))!,
            }),
            value: v.exposeString('value', { nullable: true, description: 'The value, or null when unknown.' }),
          }),
        }),
      ],
      description: 'Per city.',
      resolve: (d) => d.values,
    }),
  }),
});

const ComparisonRef = builder.objectRef<Comparison>('CityComparison').implement({
  description: 'Cities side by side: how the chain is organised and what comes out, with disclosure control for policy makers.',
  fields: (t) => ({
    from: t.field({ type: 'Date', description: 'First day.', resolve: (c) => c.from }),
    to: t.field({ type: 'Date', description: 'Last day.', resolve: (c) => c.to }),
    suppressed: t.exposeBoolean('suppressed', { description: 'True for policy makers: small counts hidden, the rest rounded.' }),
    minCell: t.int({ description: 'Counts below this are hidden.', resolve: () => DEFAULT_MIN_CELL }),
    roundingBase: t.int({
      nullable: true,
      description: 'Shown counts are multiples of this; null when counts are exact.',
      resolve: (c) => (c.suppressed ? ROUNDING_BASE : null),
    }),
    definitions: t.field({ type: [MeasureDefinitionRef], description: 'What each measure counts.', resolve: () => [...OUTCOME_MEASURES] }),
    differences: t.field({
      type: [StructureDifferenceRef],
      description: 'Where the organisation of the chain differs.',
      resolve: (c) => c.differences,
    }),
    cities: t.field({
      type: [CityOutcomesRef],
      description: 'Outcomes per city.',
      resolve: (c) => c.outcomes.map((outcome) => ({ outcome, comparison: c })),
    }),
    suppressedCells: t.field({
      type: [SuppressedCellRef],
      description: 'Cells left out, and why.',
      resolve: (c) => c.outcomes.flatMap((o) => o.suppressedCells),
    }),
  }),
});

builder.queryFields((t) => ({
  cityComparison: t.field({
    type: ComparisonRef,
    description:
      'Compare cities on structure and outcomes in a period. Also as CSV and printable report: GET /exports/comparison.csv|html.',
    args: {
      centrumgemeenteIds: t.arg.idList({ required: true }),
      from: t.arg({ type: 'Date', required: true }),
      to: t.arg({ type: 'Date', required: true }),
    },
    resolve: (_root, args, ctx) => {
      const cityIds = [...new Set(args.centrumgemeenteIds.map(String))];
      // The period is checked with the scope, before the read is logged.
      const period = { from: args.from, to: args.to };
      const { suppress } = unwrap(comparisonScope(ctx, cityIds, { action: 'READ' }, period));
      return compareCities({ repos: ctx.repos, loaders: ctx.loaders }, cityIds, period, suppress);
    },
  }),
}));
