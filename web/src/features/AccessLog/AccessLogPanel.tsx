// The access log for administrators: who (account) did what to whom (household reference), allowed or refused,
// filtered by account, household, period, outcome and break-glass, page by page, and as a CSV file (logged).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import {
  Button,
  ButtonGroup,
  Heading,
  Link,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { FormField } from '../../forms/FormField';
import { accessOutcomes, oneOf } from '../../forms/choices';
import { useForm } from '../../forms/useForm';
import { graphql } from '../../graphql';
import { Empty, ErrorAlert, Loading } from '../../layout/States';

const AccessLogQuery = graphql(`
  query AccessLog_Entries(
    $accountId: ID
    $household: String
    $outcome: AccessOutcome
    $breakGlass: Boolean
    $from: Date
    $to: Date
    $after: String
  ) {
    accessLog(
      accountId: $accountId
      household: $household
      outcome: $outcome
      breakGlass: $breakGlass
      from: $from
      to: $to
      first: 25
      after: $after
    ) {
      entries {
        id
        at
        username
        role
        action
        householdId
        householdReference
        outcome
        breakGlass
      }
      hasNextPage
      endCursor
    }
  }
`);

type Filters = { accountId: string; household: string; outcome: string; breakGlass: string; from: string; to: string };
const NO_FILTERS: Filters = { accountId: '', household: '', outcome: '', breakGlass: '', from: '', to: '' };

export function AccessLogPanel({ accounts }: { accounts: { id: string; username: string }[] }) {
  const { t, i18n } = useTranslation();
  const form = useForm('log', NO_FILTERS);
  const [applied, setApplied] = useState<Filters>(NO_FILTERS);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const variables = {
    accountId: applied.accountId || null,
    household: applied.household.trim() || null,
    outcome: oneOf(accessOutcomes, applied.outcome),
    breakGlass: applied.breakGlass === '' ? null : applied.breakGlass === 'true',
    from: applied.from || null,
    to: applied.to || null,
    after: cursors.at(-1) ?? null,
  };
  const [{ data, fetching, error }] = useQuery({ query: AccessLogQuery, variables });
  const apply = (filters: Filters) => {
    setApplied(filters);
    setCursors([null]);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply(form.values);
  };
  const exportQuery = new URLSearchParams(Object.entries(applied).filter(([, v]) => v !== '')).toString();
  const entries = data?.accessLog.entries ?? [];
  const time = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <section aria-labelledby="access-log-heading">
      <Heading level={3} id="access-log-heading">
        {t('accessLog.title')}
      </Heading>
      <Paragraph>{t('accessLog.intro')}</Paragraph>
      <form onSubmit={submit} aria-labelledby="access-log-filters" noValidate className="kk-filters">
        <Heading level={4} id="access-log-filters" className="kk-visually-hidden">
          {t('accessLog.filters')}
        </Heading>
        <FormField
          control="select"
          label={t('accessLog.account')}
          options={accounts.map((a) => ({ value: a.id, label: a.username }))}
          placeholder={t('accessLog.anyone')}
          {...form.field('accountId')}
        />
        <FormField label={t('accessLog.household')} description={t('accessLog.householdHint')} {...form.field('household')} />
        <FormField control="date" label={t('accessLog.from')} {...form.field('from')} />
        <FormField control="date" label={t('accessLog.to')} {...form.field('to')} />
        <FormField
          control="select"
          label={t('accessLog.outcome')}
          placeholder={t('accessLog.any')}
          options={accessOutcomes.map((o) => ({ value: o, label: t(`accessLog.outcomes.${o}`) }))}
          {...form.field('outcome')}
        />
        <FormField
          control="select"
          label={t('accessLog.breakGlass')}
          placeholder={t('accessLog.any')}
          options={[
            { value: 'true', label: t('accessLog.onlyBreakGlass') },
            { value: 'false', label: t('accessLog.noBreakGlass') },
          ]}
          {...form.field('breakGlass')}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button">
            {t('accessLog.apply')}
          </Button>
          <Button
            type="button"
            appearance="secondary-action-button"
            onClick={() => {
              form.setValues(NO_FILTERS);
              apply(NO_FILTERS);
            }}
          >
            {t('accessLog.clear')}
          </Button>
        </ButtonGroup>
      </form>
      <Paragraph>
        <Link href={`/exports/access-log.csv${exportQuery ? `?${exportQuery}` : ''}`} download>
          {t('accessLog.export')}
        </Link>
      </Paragraph>
      {/* A box of fixed height, scrolling: the page of entries arriving does not push the accounts below it away. */}
      <div className="kk-table-scroll kk-log-box" tabIndex={0} role="region" aria-label={t('accessLog.caption')}>
        {error ? (
          <ErrorAlert error={error} />
        ) : fetching && !data ? (
          <Loading />
        ) : entries.length === 0 ? (
          <Empty>{t('accessLog.empty')}</Empty>
        ) : (
          <Table>
            <TableCaption>{t('accessLog.caption')}</TableCaption>
            <TableHeader>
              <TableRow>
                {['at', 'who', 'action', 'whom', 'outcome', 'breakGlassColumn'].map((k) => (
                  <TableHeaderCell key={k} scope="col">
                    {t(`accessLog.${k}`)}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {entries.map((e) => (
                <TableRow key={e.id}>
                  <TableCell>{time.format(new Date(e.at))}</TableCell>
                  <TableCell>
                    {e.username ? `${e.username} (${e.role ? t(`roles.${e.role}`) : t('common.unknown')})` : t('accessLog.notSignedIn')}
                  </TableCell>
                  <TableCell>{t(`accessLog.actions.${e.action}`, { defaultValue: t('common.unknown') })}</TableCell>
                  <TableCell>
                    {e.householdId ? (
                      <Button
                        appearance="subtle-button"
                        onClick={() => {
                          const next = { ...form.values, household: e.householdReference ?? e.householdId! };
                          form.setValues(next);
                          apply(next);
                        }}
                      >
                        {t('accessLog.filterOn', { reference: e.householdReference ?? e.householdId })}
                      </Button>
                    ) : (
                      '–'
                    )}
                  </TableCell>
                  <TableCell>{t(`accessLog.outcomes.${e.outcome}`)}</TableCell>
                  <TableCell>{e.breakGlass ? t('accessLog.yes') : t('accessLog.no')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </div>
      <ButtonGroup className="kk-pager">
        {cursors.length > 1 && (
          <Button appearance="secondary-action-button" onClick={() => setCursors(cursors.slice(0, -1))}>
            {t('accessLog.previous')}
          </Button>
        )}
        {data?.accessLog.hasNextPage && (
          <Button appearance="secondary-action-button" onClick={() => setCursors([...cursors, data.accessLog.endCursor])}>
            {t('common.nextPage')}
          </Button>
        )}
      </ButtonGroup>
    </section>
  );
}
