// Trace one household: each open gap explained where it is (rule, source, deadline, who owes the step, the step that
// closes it), gaps resolved and by what, the path as swimlanes (or its table), the timeline, members, and the forms
// that record the next step.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams, useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import {
  Alert,
  Button,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { LazyChainGraph } from '../../graph/LazyChainGraph';
import { sourceText } from '../../i18n/source-texts';
import { swimlaneElements, type SwimlaneText } from '../../graph/elements';
import { GraphDataTable } from '../../graph/GraphDataTable';
import { GraphLegend } from '../../graph/GraphLegend';
import { GraphOrTable } from '../../layout/GraphOrTable';
import { Empty, ErrorAlert, Loading } from '../../layout/States';
import { graphql, type ResultOf } from '../../graphql';
import { useSession } from '../../session';
import { AccessRequestForm } from './AccessRequestForm';
import { HandoverForm, RecordStepForm, ReferralForm, TakeRegieForm, type RecordableStep } from './ChainStepForms';
import { gapTiming, owingAgencies, statesAlongTimeline, suggestedStep, type SuggestedStep } from './gap-explanation';
import { PageHeading } from '../../layout/PageHeading';
import { Refusal } from '../../layout/Refusal';
import { today } from '../../days';

/** An open gap as the trace and the family summary explain it. */
export const OpenGapFields = graphql(`
  fragment HouseholdTrace_OpenGap on GapFinding @_unmask {
    id
    rule
    severity
    stage
    detectedOn
    dueOn
    evidenceNodes
    evidenceEdges {
      source
      target
      kind
    }
    agencies {
      id
      name
    }
  }
`);

/** A resolved gap, with the step that resolved it. */
export const ResolvedGapFields = graphql(`
  fragment HouseholdTrace_ResolvedGap on ResolvedGap @_unmask {
    id
    rule
    severity
    detectedOn
    resolvedOn
    resolvedBy
    resolvedByEvent {
      kind
      occurredOn
      agency {
        name
      }
    }
    evidenceNodes
  }
`);

type ResolvedGap = ResultOf<typeof ResolvedGapFields>;

/** Where the family stands now: its state and who holds regie for which part of the chain, and since when. */
export const StandingFields = graphql(`
  fragment HouseholdTrace_Standing on Trajectory @_unmask {
    currentState
    currentRegie {
      stage
      holder {
        name
      }
      from
    }
  }
`);

const TraceQuery = graphql(
  `
    query HouseholdTrace_Trajectory($id: ID!) {
      household(id: $id) {
        __typename
        ... on Household {
          id
          reference
          landlordType
          municipality
          centrumgemeente {
            id
            name
          }
          viewerAccess {
            temporary
            readOnly
            canRecord
            canRefer
            canTakeRegie
            canHandOverRegie
          }
          members {
            personId
            label
            birthYear
            role
            from
            to
            compositionSource
          }
          gaps {
            ...HouseholdTrace_OpenGap
          }
          resolvedGaps {
            ...HouseholdTrace_ResolvedGap
          }
          trajectory {
            ...HouseholdTrace_Standing
            steps {
              event {
                id
                kind
                occurredOn
                agency {
                  name
                }
                facility {
                  name
                }
                note
              }
              stateAfter
              regie {
                stage
                holder {
                  name
                }
              }
              daysSincePrevious
              superseded
            }
            nodes {
              id
              kind
              label
              date
              superseded
            }
            edges {
              id
              source
              target
              kind
              label
            }
          }
        }
        ... on Error {
          code
        }
        ... on ForbiddenError {
          reasonCode
        }
      }
    }
  `,
  [OpenGapFields, ResolvedGapFields, StandingFields],
);

const RulesQuery = graphql(`
  query HouseholdTrace_Rules($cityId: ID!) {
    gapRules(centrumgemeenteId: $cityId) {
      id
      days
      settingSource
    }
  }
`);

type Trace = Extract<NonNullable<ResultOf<typeof TraceQuery>['household']>, { __typename: 'Household' }>;
type Step = Trace['trajectory']['steps'][number];

/** A record form opened from a gap comes with its kind; opened by itself the worker chooses the kind. */
type OpenForm = { form: 'record'; kind?: RecordableStep } | { form: 'regie' | 'handover' | 'referral' };
type FormName = OpenForm['form'];
const FORM_OF: Record<SuggestedStep['action'], FormName> = {
  RECORD_REPORT: 'record',
  TAKE_REGIE: 'regie',
  HAND_OVER: 'handover',
  RECORD_ALTERNATIVE: 'referral',
};
type ViewerAccess = Trace['viewerAccess'];
/** Whether the API lets the viewer use a form on this household (Household.viewerAccess, the mutations' own rule). */
const mayUse = (access: ViewerAccess, form: FormName): boolean =>
  ({ record: access.canRecord, referral: access.canRefer, regie: access.canTakeRegie, handover: access.canHandOverRegie })[form];

/** Labels of the swimlane in the reader's language: event kinds, referral states and regie periods, never codes. */
export function useSwimlaneText(reference: string): SwimlaneText {
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    const month = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', { month: 'short', year: 'numeric', timeZone: 'UTC' });
    return {
      node: (kind, label) =>
        kind === 'EVENT'
          ? t(`events.${label}`)
          : kind === 'HOUSEHOLD'
            ? reference
            : kind === 'REFERRAL'
              ? t('trace.referralNode', { status: t(`referralStatus.${label}`) })
              : kind === 'SHELTER_REFUSAL'
                ? t('trace.shelterRefusal', { reason: t(`reasons.${label}`) })
                : label,
      // The API words a regie period as "STAGE from–to".
      regie: (label) => {
        const [stage = '', period = ''] = label.split(' ');
        const [from = '', to = ''] = period.split('–');
        return to
          ? t('graph.regieSpanClosed', { stage: t(`states.${stage}`), from, to })
          : t('graph.regieSpan', { stage: t(`states.${stage}`), from });
      },
      month: (yearMonth) => month.format(new Date(`${yearMonth}-01T00:00:00Z`)),
      household: t('graph.householdLane'),
      noAgency: t('graph.noAgency'),
    };
  }, [t, i18n.language, reference]);
}

export default function HouseholdTracePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const { viewer } = useSession();
  const [{ data, fetching, error }, refetch] = useQuery({ query: TraceQuery, variables: { id } });
  const household = data?.household;
  const trace = household?.__typename === 'Household' ? household : null;
  const [rules] = useQuery({
    query: RulesQuery,
    variables: { cityId: trace?.centrumgemeente.id ?? '' },
    pause: !trace,
  });
  const [selectedGap, setSelectedGap] = useState<string | null>(search.get('gap'));
  const [openForm, setOpenForm] = useState<OpenForm>({ form: 'record' });
  const [formRequest, setFormRequest] = useState(0);
  const formsRef = useRef<HTMLDivElement>(null);
  // A form opened by a button: once it has rendered, the reader (and focus) move to its heading, wherever it is.
  useEffect(
    function focusOpenedForm() {
      if (formRequest === 0) return;
      const heading = formsRef.current?.querySelector<HTMLElement>('form h3');
      heading?.scrollIntoView({ block: 'start' });
      heading?.focus();
    },
    [formRequest],
  );
  const allGaps: { id: string; evidenceNodes: string[] }[] = [...(trace?.gaps ?? []), ...(trace?.resolvedGaps ?? [])];
  const evidenceList = allGaps.find((g) => g.id === selectedGap)?.evidenceNodes;
  const evidence = useMemo(() => new Set(evidenceList ?? []), [evidenceList]);
  const text = useSwimlaneText(trace?.reference ?? '');
  const elements = useMemo(() => (trace ? swimlaneElements(trace.trajectory, text, evidence) : []), [trace, text, evidence]);
  const focusIds = useMemo(() => [...evidence].filter((n) => !n.startsWith('household:')), [evidence]);
  const refresh = () => refetch({ requestPolicy: 'network-only' });

  // The gaps' term sources come with the rules: the page waits for them rather than growing a moment later.
  if ((fetching && !data) || (trace && rules.fetching && !rules.data)) return <Loading />;
  if (error) return <ErrorAlert error={error} />;
  if (household && household.__typename !== 'Household') {
    const mayAsk = household.code === 'FORBIDDEN' && (viewer?.role === 'AGENCY_WORKER' || viewer?.role === 'SHELTER_STAFF');
    return <Refusal answer={household}>{mayAsk && <AccessRequestForm householdId={id} />}</Refusal>;
  }
  if (!trace) return null;

  const regieHolders = [...new Set(trace.trajectory.currentRegie.map((r) => r.holder.name))];
  const states = statesAlongTimeline(trace.trajectory.steps);
  const settingOf = (rule: string) => rules.data?.gapRules.find((r) => r.id === rule);
  const access = trace.viewerAccess;
  const openAndFocus = (form: OpenForm) => {
    setOpenForm(form);
    setFormRequest((n) => n + 1);
  };
  const open = (step: SuggestedStep) =>
    openAndFocus(step.action === 'RECORD_REPORT' ? { form: 'record', kind: step.kind } : { form: FORM_OF[step.action] });

  return (
    <article aria-labelledby="trace-heading">
      <PageHeading id="trace-heading" title={t('trace.title', { reference: trace.reference })} />
      <Paragraph data-testid="trace-now">
        {t('trace.summary', {
          region: trace.centrumgemeente.name,
          state: trace.trajectory.currentState ? t(`states.${trace.trajectory.currentState}`) : t('common.unknown'),
          regie: trace.trajectory.currentRegie.map((r) => `${r.holder.name} (${t(`states.${r.stage}`)})`).join(', ') || t('trace.noRegie'),
        })}
      </Paragraph>
      <Paragraph className="kk-no-print">
        <RouterLink className="utrecht-link" to={`/households/${trace.id}/summary`}>
          {t('trace.summaryLink')}
        </RouterLink>
      </Paragraph>
      {access.readOnly && (
        <Alert type="info" data-testid="trace-read-only">
          <Paragraph>{t('trace.readOnly')}</Paragraph>
        </Alert>
      )}

      <Heading level={3}>{t('trace.gaps')}</Heading>
      {trace.gaps.length === 0 ? (
        <Empty>{t('gaps.emptyHousehold')}</Empty>
      ) : (
        trace.gaps.map((gap) => {
          const timing = gapTiming(gap, today());
          const setting = settingOf(gap.rule);
          const owes = owingAgencies(gap, regieHolders);
          const step = suggestedStep(gap.rule, regieHolders.length > 0);
          const source = setting ? sourceText(t, setting.settingSource) : null;
          return (
            <section key={gap.id} className="kk-gap" aria-labelledby={`gap-${gap.id}`} data-testid="open-gap">
              <Heading level={4} id={`gap-${gap.id}`}>
                {t(`rules.${gap.rule}`)} ({t(`severity.${gap.severity}`)})
              </Heading>
              <Paragraph>{t(`gapExplain.meaning.${gap.rule}`)}</Paragraph>
              <dl>
                <dt>{t('gapExplain.when')}</dt>
                <dd>
                  {timing.deadline
                    ? t('gapExplain.deadline', { deadline: timing.deadline, count: timing.daysPassed })
                    : t('gapExplain.since', { date: timing.since, count: timing.daysPassed })}
                </dd>
                <dt>{t('gapExplain.owes')}</dt>
                <dd>{owes.length > 0 ? owes.join(', ') : t('gapExplain.owesNobody')}</dd>
                {source && (
                  <>
                    <dt>{t('gapExplain.source')}</dt>
                    <dd>{source}</dd>
                  </>
                )}
              </dl>
              <div className="kk-filters kk-no-print">
                {mayUse(access, FORM_OF[step.action]) && (
                  <Button appearance="primary-action-button" onClick={() => open(step)}>
                    {step.action === 'RECORD_REPORT'
                      ? t('gapExplain.action.RECORD_REPORT', { step: t(`events.${step.kind}`) })
                      : t(`gapExplain.action.${step.action}`)}
                  </Button>
                )}
                <Button
                  appearance="secondary-action-button"
                  aria-pressed={selectedGap === gap.id}
                  onClick={() => setSelectedGap(selectedGap === gap.id ? null : gap.id)}
                >
                  {selectedGap === gap.id ? t('gapExplain.hideEvidence') : t('gapExplain.showEvidence')}
                </Button>
              </div>
            </section>
          );
        })
      )}
      {trace.resolvedGaps.length > 0 && (
        <>
          <Heading level={3}>{t('trace.resolvedGaps')}</Heading>
          {trace.resolvedGaps.map((gap) => (
            <section key={gap.id} className="kk-gap kk-gap-resolved" aria-labelledby={`resolved-${gap.id}`} data-testid="resolved-gap">
              <Heading level={4} id={`resolved-${gap.id}`}>
                {t(`rules.${gap.rule}`)}
              </Heading>
              <Paragraph>{resolvedText(t, gap)}</Paragraph>
              <Button
                className="kk-no-print"
                appearance="subtle-button"
                aria-pressed={selectedGap === gap.id}
                onClick={() => setSelectedGap(selectedGap === gap.id ? null : gap.id)}
              >
                {selectedGap === gap.id ? t('gapExplain.hideEvidence') : t('gapExplain.showEvidence')}
              </Button>
            </section>
          ))}
        </>
      )}

      <Heading level={3}>{t('trace.trajectory')}</Heading>
      <GraphLegend
        items={['household', 'agency', 'has-regie', 'event', 'referral', 'facility', 'refusal', 'superseded', 'evidence', 'line-next']}
      />
      <GraphOrTable
        graph={
          <LazyChainGraph
            elements={elements}
            label={t('trace.graphLabel', { reference: trace.reference })}
            focusIds={focusIds}
            describe={(d) =>
              evidence.has(String(d.id)) ? (
                <Paragraph>
                  <strong>{t('timeline.evidence')}</strong> {t('gapExplain.evidenceNode')}
                </Paragraph>
              ) : null
            }
          />
        }
        table={<GraphDataTable elements={elements} caption={t('trace.graphTableCaption')} />}
      />
      <Timeline steps={trace.trajectory.steps} states={states} evidence={evidence} />

      <Heading level={3}>{t('trace.members')}</Heading>
      {/* Six columns are wider than a phone: the table scrolls in its own box (reachable by keyboard), not the page. */}
      <div className="kk-table-scroll" role="region" tabIndex={0} aria-label={t('trace.members')}>
        <Table>
          <TableCaption>{t('trace.membersCaption')}</TableCaption>
          <TableHeader>
            <TableRow>
              {['label', 'role', 'birthYear', 'from', 'to', 'source'].map((k) => (
                <TableHeaderCell key={k}>{t(`members.${k}`)}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {trace.members.map((m) => (
              <TableRow key={m.personId}>
                <TableCell>{m.label}</TableCell>
                <TableCell>{t(`memberRoles.${m.role}`)}</TableCell>
                <TableCell>{m.birthYear ?? t('common.unknown')}</TableCell>
                <TableCell>{m.from}</TableCell>
                <TableCell>{m.to ?? '—'}</TableCell>
                <TableCell>{t(`compositionSources.${m.compositionSource}`)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>

      {!access.readOnly && (
        <div ref={formsRef} className="kk-no-print">
          {/* The choice comes before the form, so that the form opens right below the button that asked for it. */}
          <nav aria-label={t('trace.formChoice')} className="kk-form-choice">
            {(['record', 'referral', 'regie', 'handover'] as const)
              .filter((f) => f !== openForm.form && mayUse(access, f))
              .map((f) => (
                <Button key={f} appearance="subtle-button" onClick={() => openAndFocus({ form: f })}>
                  {t(`trace.otherForm.${f}`)}
                </Button>
              ))}
          </nav>
          {/* Keyed by the step, so that a gap's button opens the form filled in afresh. */}
          {openForm.form === 'record' && access.canRecord && (
            <RecordStepForm
              key={openForm.kind ?? 'choose'}
              householdId={trace.id}
              cityId={trace.centrumgemeente.id}
              presetKind={openForm.kind}
              onDone={refresh}
            />
          )}
          {openForm.form === 'regie' && access.canTakeRegie && (
            <TakeRegieForm
              householdId={trace.id}
              cityId={trace.centrumgemeente.id}
              stage={trace.trajectory.currentState}
              onDone={refresh}
            />
          )}
          {openForm.form === 'handover' && access.canHandOverRegie && (
            <HandoverForm householdId={trace.id} cityId={trace.centrumgemeente.id} regie={trace.trajectory.currentRegie} onDone={refresh} />
          )}
          {openForm.form === 'referral' && access.canRefer && (
            <ReferralForm householdId={trace.id} cityId={trace.centrumgemeente.id} onDone={refresh} />
          )}
        </div>
      )}
    </article>
  );
}

export function resolvedText(t: (key: string, options?: Record<string, unknown>) => string, gap: ResolvedGap): string {
  const by = gap.resolvedByEvent
    ? t(gap.resolvedByEvent.agency ? 'gapExplain.resolvedByEvent' : 'gapExplain.resolvedByEventNoAgency', {
        step: t(`events.${gap.resolvedByEvent.kind}`),
        date: gap.resolvedByEvent.occurredOn,
        agency: gap.resolvedByEvent.agency?.name,
      })
    : t(`gapExplain.resolvedBy.${gap.resolvedBy}`);
  return t('gapExplain.resolved', { detectedOn: gap.detectedOn, resolvedOn: gap.resolvedOn, by });
}

function Timeline({ steps, states, evidence }: { steps: readonly Step[]; states: (string | null)[]; evidence: ReadonlySet<string> }) {
  const { t } = useTranslation();
  return (
    <div className="kk-table-scroll" role="region" tabIndex={0} aria-label={t('trace.timelineRegion')}>
      <Table>
        <TableCaption>{t('trace.timelineCaption')}</TableCaption>
        <TableHeader>
          <TableRow>
            {['date', 'event', 'agency', 'state', 'regie', 'days'].map((k) => (
              <TableHeaderCell scope="col" key={k}>
                {t(`timeline.${k}`)}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {steps.map((s, i) => (
            <TableRow key={s.event.id} data-evidence={evidence.has(`event:${s.event.id}`) ? 'true' : undefined}>
              <TableCell>{s.event.occurredOn}</TableCell>
              <TableCell>
                {evidence.has(`event:${s.event.id}`) && <strong>{t('timeline.evidence')} </strong>}
                {s.superseded ? (
                  <>
                    <del>{t(`events.${s.event.kind}`)}</del> ({t('timeline.corrected')})
                  </>
                ) : (
                  t(`events.${s.event.kind}`)
                )}
                {s.event.facility ? ` — ${s.event.facility.name}` : ''}
              </TableCell>
              <TableCell>{s.event.agency?.name ?? '—'}</TableCell>
              <TableCell>{states[i] ? t(`states.${states[i]}`) : '—'}</TableCell>
              <TableCell>{s.regie.map((r) => r.holder.name).join(', ') || t('trace.noRegie')}</TableCell>
              <TableCell>{s.daysSincePrevious ?? '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
