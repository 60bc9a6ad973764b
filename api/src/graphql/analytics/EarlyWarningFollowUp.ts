// earlyWarningFollowUp: what became of a region's early-warning signals, per signalling agency. Aggregates only:
// the region's coordinator sees exact counts, policy makers suppressed and rounded counts (analytics/disclosure.ts).
import { gapRules } from '@ketenkaart/schema';
import {
  earlyWarningFollowUp,
  followUpDefinitions,
  FollowUpMeasure,
  type FollowUpCounts,
  type FollowUpTerms,
  type ThresholdBasis,
} from '../../analytics/early-warning-follow-up.js';
import { cell, DEFAULT_MIN_CELL, suppressGroup, type Cell } from '../../analytics/disclosure.js';
import type { Context } from '../../context.js';
import { defaultSetting } from '../../gaps/detect-gaps.js';
import { builder } from '../builder.js';
import { checkedPeriod, regionPeriodArgs } from '../period.js';
import { AgencyRef } from '../reference/Agency.js';
import { aggregateScope, CellRef, regionHouseholds } from './Analytics.js';
import { CentrumgemeenteRef } from '../refs.js';

interface FigureView {
  measure: FollowUpMeasure;
  count: Cell;
  share: number | null;
  definition: string;
  source: string;
}

interface RowView {
  agencyId: string | null;
  signals: Cell;
  figures: FigureView[];
  contacted: Cell;
  medianDaysToFirstContact: number | null;
}

interface FollowUpView extends FollowUpTerms {
  cityId: string;
  from: string;
  to: string;
  total: RowView;
  bySignallingAgency: RowView[];
  medianDefinition: string;
  medianSource: string;
}

const MeasureEnum = builder.enumType('EarlyWarningFollowUpMeasure', {
  description: 'What became of early-warning signals (vroegsignalering): each measure is a share of the signals in the period.',
  values: FollowUpMeasure,
});

const FigureRef = builder.objectRef<FigureView>('EarlyWarningFollowUpFigure').implement({
  description: 'One figure: how many signals, and which share of them, with its definition and source.',
  fields: (t) => ({
    measure: t.field({ type: MeasureEnum, description: 'What is counted.', resolve: (f) => f.measure }),
    count: t.field({ type: CellRef, description: 'Signals that meet the definition.', resolve: (f) => f.count }),
    share: t.exposeFloat('share', {
      nullable: true,
      description:
        'count / signals (0-1); null when either is suppressed or there are no signals. For policy makers computed from the rounded counts.',
    }),
    definition: t.exposeString('definition', { description: 'Exactly what is counted.' }),
    source: t.exposeString('source', {
      description: 'The rule or term behind it: a report line, or a Ketenkaart default or measure, said so.',
    }),
  }),
});

const RowRef = builder.objectRef<RowView>('EarlyWarningFollowUpRow').implement({
  description: 'The signals of one signalling agency (or of all agencies together) and what followed them.',
  fields: (t) => ({
    signallingAgency: t.field({
      type: AgencyRef,
      nullable: true,
      description: 'The agency that signalled; null for the total row and for signals recorded without an agency.',
      resolve: async (r, _a, ctx: Context) => (r.agencyId ? ((await ctx.loaders.agency.load(r.agencyId)) ?? null) : null),
    }),
    signals: t.field({
      type: CellRef,
      description: "Signals in the period that meet the arrangement's threshold.",
      resolve: (r) => r.signals,
    }),
    figures: t.field({ type: [FigureRef], description: 'One figure per measure.', resolve: (r) => r.figures }),
    contacted: t.field({
      type: CellRef,
      description: 'Signals with a first contact before the next signal, within the term or later.',
      resolve: (r) => r.contacted,
    }),
    medianDaysToFirstContact: t.exposeFloat('medianDaysToFirstContact', {
      nullable: true,
      description: 'Median days from signal to first contact; null without contacts, or for policy makers below 5.',
    }),
  }),
});

const ThresholdBasisRef = builder.objectRef<ThresholdBasis>('EarlyWarningThresholdBasis').implement({
  description: 'The early-warning arrangement (vroegsignalering) a signal threshold comes from, with the report and lines that state it.',
  fields: (t) => ({
    months: t.exposeFloat('months', { description: "Months of arrears from which a signal is the arrangement's." }),
    arrangementName: t.exposeString('arrangementName', {
      nullable: true,
      description: 'Name of the arrangement; null where the report names none (informal arrangements).',
    }),
    report: t.exposeString('report', { description: 'The source report, by its number ("002": the 2009 study).' }),
    lines: t.exposeString('lines', { nullable: true, description: 'Its lines in the report ("L699-764"); null when not recorded.' }),
  }),
});

const FollowUpRef = builder.objectRef<FollowUpView>('EarlyWarningFollowUp').implement({
  description:
    "What became of a region's early-warning signals in a period, per signalling agency: contact within the term, debt arrangement, summons, eviction, repeat signals, days to first contact.",
  fields: (t) => ({
    centrumgemeente: t.field({
      type: CentrumgemeenteRef,
      description: 'The region (centrumgemeente).',
      resolve: async (v, _a, ctx: Context) => (await ctx.loaders.centrumgemeente.load(v.cityId))!,
    }),
    from: t.field({ type: 'Date', description: 'First day of the period (signals on or after).', resolve: (v) => v.from }),
    to: t.field({ type: 'Date', description: 'Last day of the period (signals on or before).', resolve: (v) => v.to }),
    termDays: t.exposeInt('termDays', { description: 'Days within which a contact counts as in time.' }),
    termSource: t.exposeString('termSource', {
      description: "Where the term comes from: the arrangement's feedback deadline, or the labelled Ketenkaart default.",
    }),
    thresholdMonths: t.exposeFloat('thresholdMonths', {
      nullable: true,
      description: "Months of arrears from which a signal is the arrangement's; lower signals are left out. Null: every signal counts.",
    }),
    thresholdSource: t.exposeString('thresholdSource', {
      nullable: true,
      description: 'Where the threshold comes from, in English words; thresholdBasis gives the same as facts.',
    }),
    thresholdBasis: t.field({
      type: ThresholdBasisRef,
      nullable: true,
      description: 'Where the threshold comes from, as facts (arrangement, report, lines); null without a threshold.',
      resolve: (v) => v.thresholdBasis,
    }),
    total: t.field({ type: RowRef, description: 'All signalling agencies together.', resolve: (v) => v.total }),
    bySignallingAgency: t.field({
      type: [RowRef],
      description: 'Per signalling agency; the rows add up to the total, so a lone small cell hides a second one.',
      resolve: (v) => v.bySignallingAgency,
    }),
    medianDefinition: t.exposeString('medianDefinition', { description: 'Definition of the median days to first contact.' }),
    medianSource: t.exposeString('medianSource', { description: 'Source of the median days to first contact.' }),
  }),
});

async function termsOf(ctx: Context, cityId: string): Promise<FollowUpTerms> {
  const [settings, arrangements] = await Promise.all([
    ctx.repos.gaps.settingsByCity([cityId]),
    ctx.loaders.earlyWarningsByCity.load(cityId),
  ]);
  const settingOf = (ruleId: 'FEEDBACK_INTERIM_MISSING' | 'SIGNAL_NOT_FOLLOWED_UP') =>
    settings.find((s) => s.ruleId === ruleId) ?? defaultSetting(cityId, ruleId);
  // The arrangement's own first deadline where it has one; otherwise the term of the rule for signals nobody picks up.
  const interim = settingOf('FEEDBACK_INTERIM_MISSING');
  const lone = settingOf('SIGNAL_NOT_FOLLOWED_UP');
  const term = interim.enabled && interim.days !== null ? interim : lone;
  const arrangement = arrangements[0] ?? null;
  const threshold = arrangement?.reportAfterMonthsArrears ?? null;
  const basis =
    threshold === null
      ? null
      : { months: threshold, arrangementName: arrangement?.name ?? null, report: '002', lines: arrangement?.sourceLines ?? null };
  return {
    termDays: term.days ?? gapRules.SIGNAL_NOT_FOLLOWED_UP.defaultDays!,
    termSource: term.source,
    thresholdMonths: threshold,
    thresholdSource: basis && thresholdInEnglish(basis),
    thresholdBasis: basis,
  };
}

/** For API clients; people read the sentence the web app writes from `thresholdBasis`. */
function thresholdInEnglish(basis: ThresholdBasis): string {
  const arrangement = basis.arrangementName ?? "the region's unnamed early-warning arrangement";
  return `${arrangement}: reported at ${basis.months} months' arrears (${basis.report}${basis.lines ? ` ${basis.lines}` : ''})`;
}

export function followUpView(
  cityId: string,
  period: { from: string; to: string },
  result: ReturnType<typeof earlyWarningFollowUp>,
  terms: FollowUpTerms,
  suppress: boolean,
): FollowUpView {
  const share = (count: Cell, signals: Cell) =>
    count.value === null || signals.value === null || signals.value === 0 ? null : count.value / signals.value;
  const medianFor = (r: FollowUpCounts) => (suppress && r.contacted < DEFAULT_MIN_CELL ? null : r.medianDaysToFirstContact);
  // Agency rows add up to the total: each measure is a group for secondary suppression.
  const grouped = (count: (r: FollowUpCounts) => number) => suppressGroup(result.byAgency, count, suppress).map((c) => c.cell);
  const signalCells = grouped((r) => r.signals);
  const contactedCells = grouped((r) => r.contacted);
  const measureCells = Object.fromEntries(FollowUpMeasure.map((m) => [m, grouped((r) => r.counts[m])])) as Record<FollowUpMeasure, Cell[]>;
  const row = (r: FollowUpCounts, signals: Cell, contacted: Cell, countOf: (m: FollowUpMeasure) => Cell): RowView => ({
    agencyId: r.agencyId,
    signals,
    contacted,
    medianDaysToFirstContact: medianFor(r),
    figures: FollowUpMeasure.map((measure) => {
      const count = countOf(measure);
      return { measure, count, share: share(count, signals), ...followUpDefinitions[measure](terms) };
    }),
  });
  const median = followUpDefinitions.MEDIAN_DAYS_TO_FIRST_CONTACT(terms);
  return {
    cityId,
    ...period,
    ...terms,
    total: row(result.total, cell(result.total.signals, suppress), cell(result.total.contacted, suppress), (m) =>
      cell(result.total.counts[m], suppress),
    ),
    bySignallingAgency: result.byAgency.map((r, i) => row(r, signalCells[i]!, contactedCells[i]!, (m) => measureCells[m][i]!)),
    medianDefinition: median.definition,
    medianSource: median.source,
  };
}

builder.queryFields((t) => ({
  earlyWarningFollowUp: t.field({
    type: FollowUpRef,
    description:
      "What became of early-warning signals in a region and period, per signalling agency: the region's coordinator exactly, policy makers suppressed and rounded.",
    args: regionPeriodArgs(t.arg),
    resolve: async (_root, args, ctx) => {
      const cityId = args.centrumgemeenteId;
      const { suppress, valid: period } = await aggregateScope(ctx, cityId, () => checkedPeriod(args));
      const [terms, households] = await Promise.all([termsOf(ctx, cityId), regionHouseholds(ctx, cityId)]);
      return followUpView(cityId, period, earlyWarningFollowUp(households, period, terms), terms, suppress);
    },
  }),
}));
