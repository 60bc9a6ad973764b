// The family summary to print for the conversation with the family: the path so far, who holds regie, open gaps with
// the next step, and who looked at this family's record and why (the client's view of the access log, NEN 7513).
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { useQuery } from 'urql';
import {
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
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { Empty, ErrorAlert, Loading } from '../../layout/States';
import { PageHeading } from '../../layout/PageHeading';
import { Refusal } from '../../layout/Refusal';
import { useSession } from '../../session';
import { gapTiming, owingAgencies, statesAlongTimeline, suggestedStep } from './gap-explanation';
import { graphql } from '../../graphql';
import { OpenGapFields, ResolvedGapFields, StandingFields, resolvedText } from './HouseholdTracePage';
import { today } from '../../days';

const SummaryQuery = graphql(
  `
    query HouseholdSummary_Household($id: ID!) {
      household(id: $id) {
        __typename
        ... on Household {
          id
          reference
          centrumgemeente {
            id
            name
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
              }
              stateAfter
              superseded
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

const AccessQuery = graphql(`
  query HouseholdSummary_Access($id: ID!, $cityId: ID!) {
    householdAccessLog(householdId: $id, first: 100) {
      __typename
      ... on AccessLogPage {
        entries {
          id
          at
          role
          agencyId
          action
          basis
          outcome
          breakGlass
        }
        hasNextPage
      }
      ... on Error {
        code
        message
      }
    }
    agencies(centrumgemeenteId: $cityId, first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

/** Why someone looked, in words for the family: the access basis the API recorded, by its kind. */
export function accessReasonKey(entry: { action: string; basis: string | null; breakGlass: boolean }): string {
  const basis = entry.basis ?? '';
  if (entry.breakGlass || basis.startsWith('break-glass')) return 'breakGlass';
  if (entry.action === 'EXPORT') return 'export';
  if (entry.action === 'CHANGE') return 'change';
  if (basis.startsWith('chain coordinator')) return 'coordinator';
  if (basis.includes('under consent')) return 'consent';
  if (basis.includes('on legal ground')) return 'legalGround';
  if (basis.includes('at facility')) return 'facility';
  return 'other';
}

/**
 * One page view reads several parts of the record, each logged: for the family, consecutive entries that say the same
 * (same minute, who, what and why) are one line with a count.
 */
export function collapseAccessEntries<
  T extends {
    at: string;
    role: string | null;
    agencyId: string | null;
    action: string;
    outcome: string;
    basis: string | null;
    breakGlass: boolean;
  },
>(entries: readonly T[]): (T & { times: number })[] {
  const lines: (T & { times: number })[] = [];
  const key = (e: T) => [e.at.slice(0, 16), e.role, e.agencyId, e.action, e.outcome, accessReasonKey(e)].join('|');
  for (const entry of entries) {
    const last = lines.at(-1);
    if (last && key(last) === key(entry)) last.times += 1;
    else lines.push({ ...entry, times: 1 });
  }
  return lines;
}

export default function HouseholdSummaryPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { viewer } = useSession();
  const [{ data, fetching, error }] = useQuery({ query: SummaryQuery, variables: { id } });
  const household = data?.household;
  const trace = household?.__typename === 'Household' ? household : null;
  const [access] = useQuery({
    query: AccessQuery,
    variables: { id, cityId: trace?.centrumgemeente.id ?? '' },
    pause: !trace || viewer?.role !== 'COORDINATOR',
  });

  if (fetching && !data) return <Loading />;
  if (error) return <ErrorAlert error={error} />;
  if (household && household.__typename !== 'Household') return <Refusal answer={household} />;
  if (!trace) return null;

  const regieHolders = [...new Set(trace.trajectory.currentRegie.map((r) => r.holder.name))];
  const states = statesAlongTimeline(trace.trajectory.steps);
  const steps = trace.trajectory.steps.map((s, i) => ({ ...s, state: states[i] })).filter((s) => !s.superseded);
  const agencyName = new Map(access.data?.agencies.edges.map((e) => [e.node.id, e.node.name]) ?? []);
  const log = access.data?.householdAccessLog;

  return (
    <article aria-labelledby="summary-heading" className="kk-summary">
      <PageHeading id="summary-heading" title={t('summary.title', { reference: trace.reference })} />
      <Paragraph>{t('summary.intro', { region: trace.centrumgemeente.name, date: today() })}</Paragraph>
      <Paragraph className="kk-no-print">
        <Button appearance="primary-action-button" onClick={() => window.print()}>
          {t('summary.print')}
        </Button>{' '}
        <RouterLink className="utrecht-link" to={`/households/${trace.id}`}>
          {t('summary.back')}
        </RouterLink>
      </Paragraph>

      <Heading level={3}>{t('summary.now')}</Heading>
      <Paragraph>
        {t('summary.state', { state: trace.trajectory.currentState ? t(`states.${trace.trajectory.currentState}`) : t('common.unknown') })}{' '}
        {trace.trajectory.currentRegie.length > 0
          ? t('summary.regie', {
              regie: trace.trajectory.currentRegie
                .map((r) => t('summary.regieHolder', { agency: r.holder.name, stage: t(`states.${r.stage}`), from: r.from }))
                .join('; '),
            })
          : t('summary.noRegie')}
      </Paragraph>

      <Heading level={3}>{t('summary.path')}</Heading>
      {steps.length === 0 ? (
        <Empty>{t('summary.noSteps')}</Empty>
      ) : (
        <div className="kk-table-scroll">
          <Table>
            <TableCaption>{t('summary.pathCaption')}</TableCaption>
            <TableHeader>
              <TableRow>
                {['date', 'event', 'agency', 'state'].map((k) => (
                  <TableHeaderCell scope="col" key={k}>
                    {t(`timeline.${k}`)}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {steps.map((s) => (
                <TableRow key={s.event.id}>
                  <TableCell>{s.event.occurredOn}</TableCell>
                  <TableCell>{t(`events.${s.event.kind}`)}</TableCell>
                  <TableCell>{s.event.agency?.name ?? '—'}</TableCell>
                  <TableCell>{s.state ? t(`states.${s.state}`) : '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}

      <Heading level={3}>{t('summary.gaps')}</Heading>
      {trace.gaps.length === 0 ? (
        <Empty>{t('gaps.emptyHousehold')}</Empty>
      ) : (
        <UnorderedList>
          {trace.gaps.map((gap) => {
            const timing = gapTiming(gap, today());
            const owes = owingAgencies(gap, regieHolders);
            const step = suggestedStep(gap.rule, regieHolders.length > 0);
            return (
              <UnorderedListItem key={gap.id}>
                <strong>{t(`rules.${gap.rule}`)}</strong>: {t(`gapExplain.meaning.${gap.rule}`)}{' '}
                {timing.deadline
                  ? t('gapExplain.deadline', { deadline: timing.deadline, count: timing.daysPassed })
                  : t('gapExplain.since', { date: timing.since, count: timing.daysPassed })}{' '}
                {t('summary.nextStep', {
                  step:
                    step.action === 'RECORD_REPORT'
                      ? t('gapExplain.action.RECORD_REPORT', { step: t(`events.${step.kind}`) })
                      : t(`gapExplain.action.${step.action}`),
                  who: owes.length > 0 ? owes.join(', ') : t('gapExplain.owesNobody'),
                })}
              </UnorderedListItem>
            );
          })}
        </UnorderedList>
      )}
      {trace.resolvedGaps.length > 0 && (
        <>
          <Heading level={4}>{t('trace.resolvedGaps')}</Heading>
          <UnorderedList>
            {trace.resolvedGaps.map((gap) => (
              <UnorderedListItem key={gap.id}>
                <strong>{t(`rules.${gap.rule}`)}</strong>: {resolvedText(t, gap)}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      )}

      <Heading level={3} id="access-heading">
        {t('summary.access')}
      </Heading>
      <Paragraph>{t('summary.accessIntro')}</Paragraph>
      {viewer?.role !== 'COORDINATOR' ? (
        <Paragraph>{t('summary.accessCoordinatorOnly')}</Paragraph>
      ) : access.fetching && !access.data ? (
        <Loading />
      ) : access.error ? (
        <ErrorAlert error={access.error} />
      ) : log && log.__typename !== 'AccessLogPage' ? (
        <ErrorAlert code={log.code} />
      ) : (
        log && (
          <div className="kk-table-scroll">
            <Table data-testid="summary-access">
              <TableCaption>{t('summary.accessCaption')}</TableCaption>
              <TableHeader>
                <TableRow>
                  {['at', 'who', 'action', 'why'].map((k) => (
                    <TableHeaderCell scope="col" key={k}>
                      {t(`summary.accessColumns.${k}`)}
                    </TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {collapseAccessEntries(log.entries).map((entry) => (
                  <TableRow key={entry.id}>
                    <TableCell>{entry.at.slice(0, 16).replace('T', ' ')}</TableCell>
                    <TableCell>
                      {[
                        entry.role ? t(`roles.${entry.role}`) : null,
                        entry.agencyId ? (agencyName.get(entry.agencyId) ?? entry.agencyId) : null,
                      ]
                        .filter(Boolean)
                        .join(', ') || t('common.unknown')}
                    </TableCell>
                    <TableCell>
                      {t(`summary.actions.${entry.action}`, { defaultValue: entry.action })}
                      {entry.times > 1 ? ` (${t('summary.times', { count: entry.times })})` : ''}
                      {entry.outcome === 'REFUSED' ? ` (${t('summary.refused')})` : ''}
                    </TableCell>
                    <TableCell>{t(`summary.reasons.${accessReasonKey(entry)}`)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )
      )}
    </article>
  );
}
