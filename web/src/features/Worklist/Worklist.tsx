// The worklist (werkvoorraad) on the home page: what is due, by when, who owes it, with one action per item.
// Filters, sort and page live in the URL, so a list can be bookmarked, shared and reloaded as it was.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import {
  Button,
  ButtonGroup,
  Checkbox,
  FormField,
  FormLabel,
  Heading,
  Paragraph,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { Empty, ErrorAlert, Loading } from '../../layout/States';
import { oneOf, worklistItemKinds, worklistSorts } from '../../forms/choices';
import { graphql } from '../../graphql';
import { WorklistAction, WorklistItemFields, type WorklistItem } from './WorklistActions';

const PAGE_SIZE = 10;

const WorklistQuery = graphql(
  `
    query Worklist_Items($filter: WorklistFilter, $sort: WorklistSort, $first: Int, $after: String, $last: Int, $before: String) {
      worklist(filter: $filter, sort: $sort, first: $first, after: $after, last: $last, before: $before) {
        totalCount
        today
        counts {
          kind
          count
          overdue
        }
        pageInfo {
          hasNextPage
          hasPreviousPage
          startCursor
          endCursor
        }
        items {
          ...WorklistItemFields
        }
      }
    }
  `,
  [WorklistItemFields],
);

/** Reads the list's state from the URL; unknown values fall back to the defaults. */
function useWorklistParams() {
  const [params, setParams] = useSearchParams();
  const kind = oneOf(worklistItemKinds, params.get('kind'));
  const sort = oneOf(worklistSorts, params.get('sort')) ?? 'DUE';
  const overdueOnly = params.get('overdue') === '1';
  const after = params.get('after');
  const before = params.get('before');
  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    // A new filter or order starts on the first page.
    if (!('after' in changes) && !('before' in changes)) {
      next.delete('after');
      next.delete('before');
    }
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setParams(next);
  };
  return { kind, sort, overdueOnly, after, before, update, params };
}

export function Worklist() {
  const { t } = useTranslation();
  const { kind, sort, overdueOnly, after, before, update, params } = useWorklistParams();
  const variables = {
    filter: { kinds: kind ? [kind] : null, overdueOnly },
    sort,
    ...(before ? { last: PAGE_SIZE, before } : { first: PAGE_SIZE, after }),
  };
  const [{ data, fetching, error }, refetch] = useQuery({ query: WorklistQuery, variables });
  const [open, setOpen] = useState<string | null>(null);
  const list = data?.worklist;
  const total = list?.counts.reduce((sum, c) => sum + c.count, 0) ?? 0;
  const linkTo = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    next.delete('after');
    next.delete('before');
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    const query = next.toString();
    return query ? `?${query}` : '?';
  };

  return (
    <section aria-labelledby="worklist-heading" className="kk-worklist">
      <Heading level={3} id="worklist-heading">
        {t('worklist.title')}
      </Heading>
      <Paragraph>{t('worklist.intro')}</Paragraph>

      <nav aria-label={t('worklist.filterByKind')}>
        <ul className="kk-worklist-counts">
          <li>
            <RouterLink className="utrecht-link" to={linkTo({ kind: null })} aria-current={kind ? undefined : 'true'}>
              {t('worklist.all', { count: total })}
            </RouterLink>
          </li>
          {list?.counts.map((c) => (
            <li key={c.kind}>
              <RouterLink className="utrecht-link" to={linkTo({ kind: c.kind })} aria-current={kind === c.kind ? 'true' : undefined}>
                {t(`worklist.kinds.${c.kind}`)}: {c.count}
                {c.overdue > 0 ? ` (${t('worklist.overdueCount', { count: c.overdue })})` : ''}
              </RouterLink>
            </li>
          ))}
        </ul>
      </nav>

      <div className="kk-worklist-controls">
        <FormField>
          <FormLabel htmlFor="worklist-sort">{t('worklist.sort')}</FormLabel>
          <Select id="worklist-sort" value={sort} onChange={(e) => update({ sort: e.target.value === 'DUE' ? null : e.target.value })}>
            {worklistSorts.map((s) => (
              <SelectOption key={s} value={s}>
                {t(`worklist.sorts.${s}`)}
              </SelectOption>
            ))}
          </Select>
        </FormField>
        <FormField type="checkbox">
          <Checkbox id="worklist-overdue" checked={overdueOnly} onChange={(e) => update({ overdue: e.target.checked ? '1' : null })} />
          <FormLabel htmlFor="worklist-overdue" type="checkbox">
            {t('worklist.overdueOnly')}
          </FormLabel>
        </FormField>
      </div>

      {fetching && !data ? (
        <Loading />
      ) : error ? (
        <ErrorAlert error={error} />
      ) : !list || list.items.length === 0 ? (
        <Empty>{t('worklist.empty')}</Empty>
      ) : (
        <>
          <div className="kk-table-scroll">
            <Table>
              <TableCaption>{t('worklist.caption', { count: list.totalCount, today: list.today })}</TableCaption>
              <TableHeader>
                <TableRow>
                  {['household', 'what', 'due', 'owedBy', 'severity', 'action'].map((k) => (
                    <TableHeaderCell scope="col" key={k}>
                      {t(`worklist.columns.${k}`)}
                    </TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {list.items.map((item) => (
                  <WorklistRow
                    key={item.id}
                    item={item}
                    expanded={open === item.id}
                    onToggle={() => setOpen(open === item.id ? null : item.id)}
                    onDone={() => {
                      setOpen(null);
                      refetch({ requestPolicy: 'network-only' });
                    }}
                  />
                ))}
              </TableBody>
            </Table>
          </div>
          <nav aria-label={t('worklist.paging')}>
            <ButtonGroup>
              {list.pageInfo.hasPreviousPage && list.pageInfo.startCursor && (
                <RouterLink className="utrecht-link" to={linkTo({ kind, before: list.pageInfo.startCursor })}>
                  {t('worklist.previous')}
                </RouterLink>
              )}
              {list.pageInfo.hasNextPage && list.pageInfo.endCursor && (
                <RouterLink className="utrecht-link" to={linkTo({ kind, after: list.pageInfo.endCursor })}>
                  {t('worklist.next')}
                </RouterLink>
              )}
            </ButtonGroup>
          </nav>
        </>
      )}
    </section>
  );
}

function WorklistRow({
  item,
  expanded,
  onToggle,
  onDone,
}: {
  item: WorklistItem;
  expanded: boolean;
  onToggle: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const formId = `worklist-form-${item.id.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
  const trace = item.household
    ? `/households/${item.household.id}${item.kind === 'GAP' ? `?gap=${encodeURIComponent(item.subjectId)}` : ''}`
    : null;
  const opensPage = item.action === 'OPEN_GAP' || item.action === 'OPEN_TRACE' || item.action === 'REVIEW_BREAK_GLASS';
  const actionTarget = item.action === 'REVIEW_BREAK_GLASS' ? '/break-glass' : trace;
  return (
    <>
      <TableRow data-kind={item.kind} data-item={item.id} data-overdue={item.overdue ? 'true' : undefined}>
        <TableCell>
          {item.household && trace ? (
            <RouterLink className="utrecht-link" to={trace}>
              {item.household.reference}
            </RouterLink>
          ) : (
            <span>{t('worklist.restricted')}</span>
          )}
        </TableCell>
        <TableCell>
          <strong>{t(`worklist.kinds.${item.kind}`)}</strong>
          {item.rule && <>: {t(`rules.${item.rule}`)}</>}
          <WhatDetail item={item} />
        </TableCell>
        <TableCell>
          {item.openSince ? t('worklist.since', { date: item.openSince }) : item.dueOn}
          {item.overdue && !item.openSince && (
            <>
              {' '}
              <strong className="kk-overdue">{t('worklist.overdue')}</strong>
            </>
          )}
        </TableCell>
        <TableCell>{item.owedBy?.name ?? t('worklist.you')}</TableCell>
        <TableCell>{t(`severity.${item.severity}`)}</TableCell>
        <TableCell>
          {opensPage ? (
            actionTarget ? (
              <RouterLink className="utrecht-link" to={actionTarget}>
                {t(`worklist.actions.${item.action}`)}
              </RouterLink>
            ) : (
              '—'
            )
          ) : (
            <Button appearance="secondary-action-button" aria-expanded={expanded} aria-controls={formId} onClick={onToggle}>
              {t(`worklist.actions.${item.action}`)}
            </Button>
          )}
        </TableCell>
      </TableRow>
      {expanded && !opensPage && (
        <TableRow>
          <TableCell colSpan={6} id={formId}>
            <WorklistAction item={item} onDone={onDone} />
          </TableCell>
        </TableRow>
      )}
    </>
  );
}

function WhatDetail({ item }: { item: WorklistItem }) {
  const { t } = useTranslation();
  if (item.restricted) return <Paragraph>{t('worklist.restrictedExplained')}</Paragraph>;
  switch (item.kind) {
    case 'REFERRAL_AWAITING_ANSWER':
      return <Paragraph>{t('worklist.referralFrom', { agency: item.otherAgency?.name ?? '—', purpose: item.detail ?? '' })}</Paragraph>;
    case 'REFERRAL_INFO_REQUESTED':
      return <Paragraph>{t('worklist.questionFrom', { agency: item.otherAgency?.name ?? '—', question: item.detail ?? '' })}</Paragraph>;
    case 'REFERRAL_ANSWERED':
      return (
        <Paragraph>
          {t('worklist.answeredBy', {
            agency: item.otherAgency?.name ?? '—',
            status: t(`referralStatus.${item.referral?.status ?? item.detail ?? 'SENT'}`),
          })}
          {item.referral?.refusalReason && <> {t('worklist.refusalReason', { reason: t(`reasons.${item.referral.refusalReason}`) })}</>}
          {item.referral?.refusalText && <> {t('worklist.alternative', { text: item.referral.refusalText })}</>}
        </Paragraph>
      );
    case 'ACCESS_REQUEST':
      return <Paragraph>{t('worklist.accessRequestBy', { agency: item.otherAgency?.name ?? '—', reason: item.detail ?? '' })}</Paragraph>;
    case 'BREAK_GLASS_USE':
      return <Paragraph>{t('worklist.breakGlassBy', { agency: item.otherAgency?.name ?? '—', reason: item.detail ?? '' })}</Paragraph>;
    case 'INVOLVEMENT_NOTICE':
      return (
        <Paragraph>
          {t('worklist.involvedAgency', {
            agency: item.otherAgency?.name ?? '—',
            type: item.otherAgency ? t(`worklist.agencyTypes.${item.otherAgency.type}`) : '',
          })}
        </Paragraph>
      );
    case 'SHELTER_APPLICATION':
    case 'WAITING_LIST_ENTRY':
      return <Paragraph>{t('worklist.atFacility', { facility: item.facility?.name ?? '—', since: item.detail ?? '' })}</Paragraph>;
    default:
      return null;
  }
}
