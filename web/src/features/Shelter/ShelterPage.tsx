// Shelter staff report capacity, waiting list and refusals: a CSV upload with a check first and progress, a
// form for a single refusal or capacity, and their own facility's figures and lists, with downloads.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link as RouterLink } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import {
  Alert,
  Button,
  Checkbox,
  FormField as UtrechtFormField,
  FormLabel,
  Heading,
  Link,
  Paragraph,
  RichText,
  Separator,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { AgencyPicker } from '../../forms/AgencyPicker';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { FormField } from '../../forms/FormField';
import { oneOf, refusalAlternatives, refusalReasons, targetGroups, unitKinds } from '../../forms/choices';
import {
  hasProblems,
  isErrorAnswer,
  missingRequired,
  ProblemFields,
  problemsOfAnswer,
  problemsOfError,
  problemText,
  type FormProblems,
} from '../../forms/problems';
import { useForm } from '../../forms/useForm';
import { ShelterTemplates } from './ShelterTemplates';
import { CapacityTable } from './CapacityTable';
import { LineChart } from '../../charts/Chart';
import { csrfHeaders } from '../../client';
import { GraphOrTable } from '../../layout/GraphOrTable';
import { Refusal } from '../../layout/Refusal';
import { Empty, ErrorAlert, Loading } from '../../layout/States';
import { graphql } from '../../graphql';
import { useSession } from '../../session';
import { occupancySeries, seriesKeys, type CapacityReport, type OccupancySeries, type Snapshot } from './occupancy-series';
import { waitingTimesText } from './waiting-times-text';
import { PageHeading } from '../../layout/PageHeading';
import { addDays, today } from '../../days';

const KINDS = ['capacity', 'occupancy', 'waiting-list', 'refusals'] as const;

const FacilitiesQuery = graphql(`
  query Shelter_Facilities($agencyId: ID!) {
    facilities(operatorId: $agencyId, first: 50) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);
const FacilityQuery = graphql(`
  query Shelter_Facility($id: ID!, $from: Date!) {
    facility(id: $id) {
      id
      name
      reportedCapacity {
        unitKind
        targetGroup
        capacity
      }
      capacityReports {
        unitKind
        targetGroup
        periodStart
        periodEnd
        capacity
      }
      occupancy(from: $from) {
        date
        unitKind
        targetGroup
        occupied
        available
        blocked
      }
      waitingTimes {
        entries {
          value
        }
        waiting {
          value
        }
        left {
          value
        }
        medianDaysToLeave
        medianDaysWaiting
        longestDaysWaiting
      }
      waitingOnHouseholds {
        waiting
        overdue
        longestSince
      }
      waitingList(waitingOnly: true) {
        id
        caseRef
        targetGroup
        dateOn
        priority
      }
      refusals {
        id
        caseRef
        refusedOn
        reason
        meaning
        alternative
        alternativeAgency {
          name
        }
      }
    }
  }
`);
/** What each of the three reports answers when it is written: the same counts, whatever the kind of rows. */
const ReportResultFields = graphql(`
  fragment ReportResultFields on ShelterReportResult @_unmask {
    created
    unchanged
    superseded
  }
`);
const ReportRefusal = graphql(
  `
    mutation Shelter_ReportRefusal($rows: [ShelterRefusalInput!]!) {
      reportRefusals(rows: $rows) {
        __typename
        ...ReportResultFields
        ...ProblemFields
      }
    }
  `,
  [ReportResultFields, ProblemFields],
);
const ReportCapacity = graphql(
  `
    mutation Shelter_ReportCapacity($rows: [CapacityReportInput!]!) {
      reportCapacity(rows: $rows) {
        __typename
        ...ReportResultFields
        ...ProblemFields
      }
    }
  `,
  [ReportResultFields, ProblemFields],
);
const ReportOccupancy = graphql(
  `
    mutation Shelter_ReportOccupancy($rows: [OccupancySnapshotInput!]!) {
      reportOccupancy(rows: $rows) {
        __typename
        ...ReportResultFields
        ...ProblemFields
      }
    }
  `,
  [ReportResultFields, ProblemFields],
);

interface LineProblem {
  line: number;
  column: string | null;
  code: string;
  params: Record<string, string | number>;
}
interface ImportReport {
  rows: number;
  dryRun: boolean;
  problems: LineProblem[];
  totalProblems: number;
  problemCap: number;
  written: { created: number; unchanged: number; superseded: number } | null;
}
/** A save by form invalidates the facility's figures through the urql cache; an upload (plain fetch) refetches them. */
const FIGURES_CONTEXT = { additionalTypenames: ['ShelterReportResult'] };

export default function ShelterPage() {
  const { t } = useTranslation();
  const { viewer } = useSession();
  const [{ data, fetching, error }] = useQuery({
    query: FacilitiesQuery,
    variables: { agencyId: viewer?.agency?.id ?? '' },
    pause: !viewer?.agency,
  });
  const facilities = data?.facilities.edges.map((e) => e.node) ?? [];
  const [facilityId, setFacilityId] = useState<string | null>(null);
  const selected = facilityId ?? facilities[0]?.id ?? null;
  const [uploads, setUploads] = useState(0);
  // The page shows once the first facility's figures are there too (the same query FacilityOverview makes, so one
  // request): figures arriving after the forms would push them down (layout shift).
  const [overview] = useQuery({
    query: FacilityQuery,
    variables: { id: selected ?? '', from: addDays(today(), -90) },
    context: FIGURES_CONTEXT,
    pause: !selected || facilityId !== null,
  });
  if (viewer?.role !== 'SHELTER_STAFF') return <Refusal answer={{ code: 'FORBIDDEN', reasonCode: 'ROLE_NOT_ALLOWED' }} />;
  if ((fetching && !data) || (overview.fetching && !overview.data)) return <Loading />;
  if (error) return <ErrorAlert error={error} />;
  return (
    <section aria-labelledby="shelter-heading">
      <PageHeading id="shelter-heading" title={t('shelter.title')} />
      {/* Three parts, each under its own heading and apart from the next: what the facility's figures are now, a file
          upload, and the forms for one report at a time. RichText gives every NL Design System component inside it
          the spacing its design tokens set. */}
      <RichText>
        <Paragraph>{t('shelter.intro')}</Paragraph>
        {facilities.length === 0 ? (
          <Empty>{t('shelter.noFacilities')}</Empty>
        ) : (
          <>
            <FormField
              id="shelter-facility"
              control="select"
              label={t('shelter.facility')}
              required
              value={selected ?? ''}
              onChange={setFacilityId}
              options={facilities.map((f) => ({ value: f.id, label: f.name }))}
            />
            {selected && (
              <section aria-labelledby="shelter-now-heading">
                <Heading level={3} id="shelter-now-heading">
                  {t('shelter.now')}
                </Heading>
                <FacilityOverview facilityId={selected} uploads={uploads} />
              </section>
            )}
            <Separator />
            <div>
              <UploadForm onWritten={() => setUploads((n) => n + 1)} />
              <ShelterTemplates />
            </div>
            {selected && (
              <>
                <Separator />
                <section aria-labelledby="shelter-forms-heading">
                  <Heading level={3} id="shelter-forms-heading">
                    {t('shelter.forms')}
                  </Heading>
                  <Paragraph>{t('shelter.formsIntro')}</Paragraph>
                  <RefusalForm facilityId={selected} />
                  <CapacityForm facilityId={selected} />
                  <OccupancyForm facilityId={selected} />
                </section>
              </>
            )}
          </>
        )}
      </RichText>
    </section>
  );
}

function FacilityOverview({ facilityId, uploads }: { facilityId: string; uploads: number }) {
  const { t } = useTranslation();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: FacilityQuery,
    variables: { id: facilityId, from: addDays(today(), -90) },
    context: FIGURES_CONTEXT,
  });
  useEffect(() => {
    if (uploads > 0) refetch({ requestPolicy: 'network-only' });
  }, [uploads, refetch]);
  if (fetching && !data) return <Loading />;
  if (error) return <ErrorAlert error={error} />;
  const facility = data?.facility;
  if (!facility) return null;
  const times = facility.waitingTimes;
  return (
    <>
      <Heading level={4}>{t('shelter.capacityToday')}</Heading>
      {facility.reportedCapacity.length === 0 ? (
        <Empty>{t('shelter.noCapacity')}</Empty>
      ) : (
        <CapacityTable rows={facility.reportedCapacity} />
      )}
      <OccupancyOverTime snapshots={facility.occupancy} reports={facility.capacityReports} />
      <Heading level={4}>{t('shelter.waitingList')}</Heading>
      {/* Two sources, each said for what it is: the trajectories (what the worklist counts) and the shelter's own register. */}
      <Paragraph data-testid="waiting-on-households">
        <Trans
          i18nKey={facility.waitingOnHouseholds.overdue > 0 ? 'shelter.waitingOnHouseholdsLate' : 'shelter.waitingOnHouseholds'}
          count={facility.waitingOnHouseholds.waiting}
          values={{ overdue: facility.waitingOnHouseholds.overdue, since: facility.waitingOnHouseholds.longestSince ?? '' }}
          components={{ worklist: <RouterLink className="utrecht-link" to="/?kind=WAITING_LIST_ENTRY" /> }}
        />
      </Paragraph>
      <Paragraph data-testid="waiting-register">
        {t('shelter.waitingSummary', { count: times.waiting.value ?? 0, entries: times.entries.value ?? 0 })} {waitingTimesText(t, times)}
      </Paragraph>
      <Paragraph>{t('shelter.waitingSources')}</Paragraph>
      {facility.waitingList.length > 0 && (
        <div className="kk-table-scroll">
          <Table>
            <TableCaption>{t('shelter.waitingCaption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('shelter.caseRef')}</TableHeaderCell>
                <TableHeaderCell>{t('shelter.targetGroup')}</TableHeaderCell>
                <TableHeaderCell>{t('shelter.dateOn')}</TableHeaderCell>
                <TableHeaderCell>{t('shelter.priority')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {facility.waitingList.map((w) => (
                <TableRow key={w.id}>
                  <TableCell>{w.caseRef}</TableCell>
                  <TableCell>{t(`targetGroups.${w.targetGroup}`)}</TableCell>
                  <TableCell>{w.dateOn}</TableCell>
                  <TableCell>{w.priority ?? '–'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <Heading level={4}>{t('shelter.refusals')}</Heading>
      {facility.refusals.length === 0 ? (
        <Empty>{t('shelter.noRefusals')}</Empty>
      ) : (
        <div className="kk-table-scroll">
          <Table>
            <TableCaption>{t('shelter.refusalsCaption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('shelter.caseRef')}</TableHeaderCell>
                <TableHeaderCell>{t('shelter.refusedOn')}</TableHeaderCell>
                <TableHeaderCell>{t('shelter.reason')}</TableHeaderCell>
                <TableHeaderCell>{t('shelter.meaning')}</TableHeaderCell>
                <TableHeaderCell>{t('shelter.alternative')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {facility.refusals.map((r) => (
                <TableRow key={r.id}>
                  <TableCell>{r.caseRef}</TableCell>
                  <TableCell>{r.refusedOn}</TableCell>
                  <TableCell>{t(`reasons.${r.reason}`)}</TableCell>
                  <TableCell>{t(`meanings.${r.meaning}`)}</TableCell>
                  <TableCell>
                    {r.alternativeAgency
                      ? `${t(`alternatives.${r.alternative}`)}: ${r.alternativeAgency.name}`
                      : t(`alternatives.${r.alternative}`)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <Paragraph>
        {t('shelter.download')}{' '}
        {KINDS.map((kind, index) => (
          <span key={kind}>
            {index > 0 && ' · '}
            <Link href={`/shelter/export?kind=${kind}&format=csv`} download>
              {t(`shelter.kinds.${kind}`)}
            </Link>
          </span>
        ))}
      </Paragraph>
    </>
  );
}

/** The chart's summary in words: a last day without a reported figure says so rather than show "onbekend" as a number. */
function occupancySummary(t: TFunction, name: string, series: OccupancySeries): string {
  const last = series.days.length - 1;
  const [occupied, capacity] = [series.occupied[last] ?? null, series.capacity[last] ?? null];
  const period = { name, from: series.days[0], to: series.days[last] };
  if (occupied !== null && capacity !== null) return t('shelter.occupancySummary', { ...period, occupied, capacity });
  if (occupied !== null) return t('shelter.occupancySummaryNoCapacity', { ...period, occupied });
  if (capacity !== null) return t('shelter.occupancySummaryNoOccupied', { ...period, capacity });
  return t('shelter.occupancySummaryNothing', period);
}

/** Occupancy against reported capacity over the last 90 days, as a chart with its table alternative. */
function OccupancyOverTime({ snapshots, reports }: { snapshots: Snapshot[]; reports: CapacityReport[] }) {
  const { t } = useTranslation();
  const keys = seriesKeys(snapshots);
  const [chosen, setChosen] = useState<string | null>(null);
  const key = chosen && keys.includes(chosen) ? chosen : keys[0];
  if (!key)
    return (
      <>
        <Heading level={4}>{t('shelter.occupancy')}</Heading>
        <Empty>{t('shelter.noOccupancy')}</Empty>
      </>
    );
  const series = occupancySeries(snapshots, reports, key);
  const [unitKind, targetGroup] = key.split('|');
  const name = `${t(`unitKinds.${unitKind}`)}, ${t(`targetGroups.${targetGroup}`)}`;
  return (
    <>
      <Heading level={4}>{t('shelter.occupancy')}</Heading>
      {keys.length > 1 && (
        <FormField
          id="occupancy-series"
          control="select"
          label={t('shelter.occupancySeries')}
          required
          value={key}
          onChange={setChosen}
          options={keys.map((k) => ({ value: k, label: `${t(`unitKinds.${k.split('|')[0]}`)}, ${t(`targetGroups.${k.split('|')[1]}`)}` }))}
        />
      )}
      <GraphOrTable
        graph={
          <LineChart
            labels={series.days}
            summary={occupancySummary(t, name, series)}
            series={[
              { label: t('shelter.occupied'), values: series.occupied },
              { label: t('shelter.available'), values: series.available },
              { label: t('shelter.blocked'), values: series.blocked, dashed: true },
              { label: t('shelter.capacity'), values: series.capacity, stepped: true, dashed: true },
            ]}
          />
        }
        table={
          <Table>
            <TableCaption>{t('shelter.occupancyCaption', { name })}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('shelter.day')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('shelter.occupied')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('shelter.available')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('shelter.blocked')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('shelter.capacity')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {series.days.map((day, i) => (
                <TableRow key={day}>
                  <TableHeaderCell scope="row">{day}</TableHeaderCell>
                  {[series.occupied[i], series.available[i], series.blocked[i], series.capacity[i]].map((value, j) => (
                    <TableCell key={j}>{value ?? t('common.unknown')}</TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        }
      />
    </>
  );
}

/** Reads the NDJSON answer of the import endpoint line by line, so progress shows while the file is read. */
async function uploadCsv(
  kind: string,
  file: File,
  dryRun: boolean,
  encoding: string,
  onProgress: (rows: number) => void,
): Promise<ImportReport | { error: string }> {
  const params = new URLSearchParams({ kind, dryRun: String(dryRun), encoding });
  const response = await fetch(`/shelter/import?${params}`, {
    method: 'POST',
    body: file,
    credentials: 'same-origin',
    headers: { 'content-type': 'text/csv', ...csrfHeaders() },
  });
  if (!response.ok || !response.body)
    return { error: ((await response.json().catch(() => null)) as { error?: { code: string } } | null)?.error?.code ?? 'INTERNAL' };
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (value) buffered += value;
    let newline: number;
    while ((newline = buffered.indexOf('\n')) !== -1) {
      const message = JSON.parse(buffered.slice(0, newline)) as { type: string; rows?: number; code?: string } & ImportReport;
      buffered = buffered.slice(newline + 1);
      if (message.type === 'progress') onProgress(message.rows ?? 0);
      if (message.type === 'report') return message;
      if (message.type === 'error') return { error: message.code ?? 'INTERNAL' };
    }
    if (done) return { error: 'INTERNAL' };
  }
}

function UploadForm({ onWritten }: { onWritten: () => void }) {
  const { t } = useTranslation();
  const form = useForm('upload', { kind: 'refusals', encoding: 'utf-8' });
  const [dryRun, setDryRun] = useState(true);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<ImportReport | null>(null);
  const labels = { kind: t('shelter.kind'), encoding: t('shelter.encoding'), file: t('shelter.file') };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setOutcome(null);
    const missing = missingRequired({ ...form.values, file: file ? file.name : '' }, ['kind', 'encoding', 'file']);
    form.setProblems(missing);
    if (hasProblems(missing)) return;
    setProgress(0);
    try {
      const answer = await uploadCsv(form.values.kind, file!, dryRun, form.values.encoding, setProgress);
      if ('error' in answer) form.setProblems({ '': [{ code: answer.error, params: {} }] });
      else {
        setOutcome(answer);
        if (answer.written) onWritten();
      }
    } catch {
      // The network failed, or the browser could not read the file (it changed after it was chosen).
      form.setProblems({ '': [{ code: 'UPLOAD_FAILED', params: {} }] });
    } finally {
      setProgress(null);
    }
  }

  const fileProblems = form.problems.file ?? [];
  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="upload-heading" noValidate>
      <Heading level={3} id="upload-heading">
        {t('shelter.upload')}
      </Heading>
      <Paragraph>{t('shelter.uploadHint')}</Paragraph>
      <ErrorSummary problems={form.problems} labels={labels} idOf={form.idOf} />
      <FormField
        control="select"
        label={labels.kind}
        required
        options={KINDS.map((k) => ({ value: k, label: t(`shelter.kinds.${k}`) }))}
        {...form.field('kind')}
      />
      <FormField
        control="select"
        label={labels.encoding}
        required
        options={[
          { value: 'utf-8', label: 'UTF-8' },
          { value: 'windows-1252', label: `Windows-1252 (${t('shelter.olderExcel')})` },
        ]}
        {...form.field('encoding')}
      />
      <UtrechtFormField invalid={fileProblems.length > 0}>
        <div className="utrecht-form-field__label">
          <FormLabel htmlFor="upload-file">{labels.file}</FormLabel>
        </div>
        {fileProblems.length > 0 && (
          <p className="utrecht-form-field-error-message" id="upload-file-error">
            {fileProblems.map((p) => problemText(t, p)).join(' ')}
          </p>
        )}
        <div className="utrecht-form-field__input">
          <input
            id="upload-file"
            className="utrecht-textbox"
            type="file"
            accept=".csv,text/csv"
            required
            aria-invalid={fileProblems.length > 0 || undefined}
            aria-describedby={fileProblems.length > 0 ? 'upload-file-error' : undefined}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
      </UtrechtFormField>
      <UtrechtFormField type="checkbox">
        <Checkbox id="upload-dry-run" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} />
        <FormLabel htmlFor="upload-dry-run" type="checkbox">
          {t('shelter.dryRun')}
        </FormLabel>
      </UtrechtFormField>
      <Button type="submit" appearance="primary-action-button" disabled={progress !== null}>
        {dryRun ? t('shelter.check') : t('shelter.send')}
      </Button>
      {progress !== null && <Paragraph role="status">{t('shelter.progress', { rows: progress })}</Paragraph>}
      {outcome && <ImportOutcome report={outcome} />}
    </form>
  );
}

/**
 * The check report: per line and column, in plain words, what is wrong and what would be right. It takes the focus
 * as it appears (the button that sent the file was disabled meanwhile, which would leave focus on the page body), and
 * its role has a screen reader say it.
 */
function ImportOutcome({ report }: { report: ImportReport }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [report]);
  return (
    <div ref={ref} tabIndex={-1} className="kk-import-outcome">
      <ImportOutcomeText report={report} />
    </div>
  );
}

function ImportOutcomeText({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const heading = <Heading level={4}>{report.dryRun ? t('shelter.checkOutcome') : t('shelter.saveOutcome')}</Heading>;
  if (report.totalProblems > 0) {
    return (
      <Alert type="error" role="alert">
        {heading}
        <Paragraph>{t('shelter.problems', { count: report.totalProblems, rows: report.rows })}</Paragraph>
        {report.totalProblems > report.problems.length && (
          <Paragraph>{t('problems.TOO_MANY_PROBLEMS', { maximum: report.problemCap })}</Paragraph>
        )}
        <div className="kk-table-scroll">
          <Table>
            <TableCaption>{t('shelter.problemsCaption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('shelter.line')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('shelter.column')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('shelter.problem')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {report.problems.map((p, i) => (
                <TableRow key={i}>
                  <TableCell>{p.line}</TableCell>
                  <TableCell>{p.column ?? '–'}</TableCell>
                  <TableCell>
                    {problemText(t, { code: p.code, params: Object.fromEntries(Object.entries(p.params).map(([k, v]) => [k, String(v)])) })}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </Alert>
    );
  }
  return (
    <Alert type="ok" role="status">
      {heading}
      <Paragraph>
        {report.dryRun || !report.written
          ? t('shelter.checked', { rows: report.rows })
          : t('shelter.written', {
              created: report.written.created,
              unchanged: report.written.unchanged,
              superseded: report.written.superseded,
            })}
      </Paragraph>
    </Alert>
  );
}

/**
 * Counts that GraphQL's Int cannot carry (2,5 or twelve) are said here; everything else, such as a negative count, the
 * API checks with the same rule as a file row.
 */
function notWholeNumbers(values: Record<string, string>, fields: readonly string[], problems: FormProblems): FormProblems {
  const checked = { ...problems };
  for (const field of fields) {
    const value = values[field]?.trim() ?? '';
    if (!checked[field] && !/^-?\d{1,9}$/.test(value)) checked[field] = [{ code: 'NOT_WHOLE_NUMBER', params: { value } }];
  }
  return checked;
}

/** Form rows are checked like file rows: a problem's path ends in the file's column name (case_ref), the field is caseRef. */
const fieldOfColumn = (path: string[]) => path.at(-1)?.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const codeOptions = (t: (key: string) => string, codes: readonly string[], prefix: string) =>
  codes.map((c) => ({ value: c, label: t(`${prefix}.${c}`) }));

function RefusalForm({ facilityId }: { facilityId: string }) {
  const { t } = useTranslation();
  const [, report] = useMutation(ReportRefusal);
  const form = useForm('refusal', {
    caseRef: '',
    targetGroup: '',
    refusedOn: today(),
    reason: '',
    alternative: '',
    alternativeAgencyId: '',
    note: '',
  });
  const [saved, setSaved] = useState(false);
  const onward = form.values.alternative === 'ONWARD_REFERRAL';
  const labels = {
    caseRef: t('shelter.caseRef'),
    targetGroup: t('shelter.targetGroup'),
    refusedOn: t('shelter.refusedOn'),
    reason: t('shelter.reason'),
    alternative: t('shelter.alternative'),
    alternativeAgencyId: t('shelter.alternativeAgency'),
    note: t('shelter.note'),
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const missing = missingRequired(form.values, [
      'caseRef',
      'targetGroup',
      'refusedOn',
      'reason',
      'alternative',
      ...(onward ? ['alternativeAgencyId'] : []),
    ]);
    form.setProblems(missing);
    const { caseRef, refusedOn, alternativeAgencyId, note } = form.values;
    const targetGroup = oneOf(targetGroups, form.values.targetGroup);
    const reason = oneOf(refusalReasons, form.values.reason);
    const alternative = oneOf(refusalAlternatives, form.values.alternative);
    if (hasProblems(missing) || !targetGroup || !reason || !alternative) return;
    const row = {
      caseRef,
      targetGroup,
      refusedOn,
      reason,
      alternative,
      facilityId,
      alternativeAgencyId: onward ? alternativeAgencyId : null,
      note: note || null,
    };
    const result = await report({ rows: [row] });
    const answer = result.data?.reportRefusals;
    if (!answer) return form.setProblems(problemsOfError(result.error));
    form.setProblems(problemsOfAnswer(answer, Object.keys(labels), fieldOfColumn));
    if (!isErrorAnswer(answer)) {
      setSaved(true);
      form.setValues({ ...form.values, caseRef: '', note: '' });
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="refusal-heading" noValidate>
      <Heading level={4} id="refusal-heading">
        {t('shelter.reportRefusal')}
      </Heading>
      <ErrorSummary problems={form.problems} labels={labels} idOf={form.idOf} />
      <FormField label={labels.caseRef} description={t('shelter.caseRefHint')} required {...form.field('caseRef')} />
      <FormField
        control="select"
        label={labels.targetGroup}
        required
        options={codeOptions(t, targetGroups, 'targetGroups')}
        {...form.field('targetGroup')}
      />
      <FormField control="date" label={labels.refusedOn} required {...form.field('refusedOn')} />
      <FormField
        control="select"
        label={labels.reason}
        required
        options={codeOptions(t, refusalReasons, 'reasons')}
        {...form.field('reason')}
      />
      <FormField
        control="select"
        label={labels.alternative}
        required
        options={codeOptions(t, refusalAlternatives, 'alternatives')}
        {...form.field('alternative')}
      />
      {onward && <AgencyPicker label={labels.alternativeAgencyId} required {...form.field('alternativeAgencyId')} />}
      <FormField control="textarea" label={labels.note} description={t('nextStep.noteHint')} {...form.field('note')} />
      <Button type="submit" appearance="primary-action-button">
        {t('shelter.save')}
      </Button>
      {saved && (
        <Alert type="ok" role="status">
          <Paragraph>{t('shelter.saved')}</Paragraph>
        </Alert>
      )}
    </form>
  );
}

function CapacityForm({ facilityId }: { facilityId: string }) {
  const { t } = useTranslation();
  const [, report] = useMutation(ReportCapacity);
  const month = today().slice(0, 7);
  const form = useForm('capacity', { unitKind: '', targetGroup: '', periodStart: `${month}-01`, periodEnd: today(), capacity: '' });
  const [saved, setSaved] = useState(false);
  const labels = {
    unitKind: t('shelter.unitKind'),
    targetGroup: t('shelter.targetGroup'),
    periodStart: t('shelter.periodStart'),
    periodEnd: t('shelter.periodEnd'),
    capacity: t('shelter.capacity'),
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const missing = notWholeNumbers(form.values, ['capacity'], missingRequired(form.values, Object.keys(labels)));
    form.setProblems(missing);
    const unitKind = oneOf(unitKinds, form.values.unitKind);
    const targetGroup = oneOf(targetGroups, form.values.targetGroup);
    if (hasProblems(missing) || !unitKind || !targetGroup) return;
    const { periodStart, periodEnd } = form.values;
    const result = await report({
      rows: [{ unitKind, targetGroup, periodStart, periodEnd, facilityId, capacity: Number(form.values.capacity) }],
    });
    const answer = result.data?.reportCapacity;
    if (!answer) return form.setProblems(problemsOfError(result.error));
    form.setProblems(problemsOfAnswer(answer, Object.keys(labels), fieldOfColumn));
    if (!isErrorAnswer(answer)) setSaved(true);
  }

  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="capacity-heading" noValidate>
      <Heading level={4} id="capacity-heading">
        {t('shelter.reportCapacity')}
      </Heading>
      <ErrorSummary problems={form.problems} labels={labels} idOf={form.idOf} />
      <FormField
        control="select"
        label={labels.unitKind}
        required
        options={codeOptions(t, unitKinds, 'unitKinds')}
        {...form.field('unitKind')}
      />
      <FormField
        control="select"
        label={labels.targetGroup}
        required
        options={codeOptions(t, targetGroups, 'targetGroups')}
        {...form.field('targetGroup')}
      />
      <FormField control="date" label={labels.periodStart} required {...form.field('periodStart')} />
      <FormField control="date" label={labels.periodEnd} required {...form.field('periodEnd')} />
      <FormField control="number" label={labels.capacity} min={0} required {...form.field('capacity')} />
      <Button type="submit" appearance="primary-action-button">
        {t('shelter.save')}
      </Button>
      {saved && (
        <Alert type="ok" role="status">
          <Paragraph>{t('shelter.saved')}</Paragraph>
        </Alert>
      )}
    </form>
  );
}

/** Occupancy of one day, by form: the same mutation, rules and all-or-nothing write as an occupancy file row. */
function OccupancyForm({ facilityId }: { facilityId: string }) {
  const { t } = useTranslation();
  const [, report] = useMutation(ReportOccupancy);
  const form = useForm('occupancy', { unitKind: '', targetGroup: '', date: today(), occupied: '', available: '', blocked: '0' });
  const [saved, setSaved] = useState(false);
  const labels = {
    unitKind: t('shelter.unitKind'),
    targetGroup: t('shelter.targetGroup'),
    date: t('shelter.day'),
    occupied: t('shelter.occupied'),
    available: t('shelter.available'),
    blocked: t('shelter.blocked'),
  };
  const counts = ['occupied', 'available', 'blocked'] as const;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const missing = notWholeNumbers(form.values, counts, missingRequired(form.values, Object.keys(labels)));
    form.setProblems(missing);
    const unitKind = oneOf(unitKinds, form.values.unitKind);
    const targetGroup = oneOf(targetGroups, form.values.targetGroup);
    if (hasProblems(missing) || !unitKind || !targetGroup) return;
    const { date, occupied, available, blocked } = form.values;
    const row = {
      facilityId,
      unitKind,
      targetGroup,
      date,
      occupied: Number(occupied),
      available: Number(available),
      blocked: Number(blocked),
    };
    const result = await report({ rows: [row] });
    const answer = result.data?.reportOccupancy;
    if (!answer) return form.setProblems(problemsOfError(result.error));
    form.setProblems(problemsOfAnswer(answer, Object.keys(labels), fieldOfColumn));
    if (!isErrorAnswer(answer)) setSaved(true);
  }

  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="occupancy-heading" noValidate>
      <Heading level={4} id="occupancy-heading">
        {t('shelter.reportOccupancy')}
      </Heading>
      <Paragraph>{t('shelter.reportOccupancyHint')}</Paragraph>
      <ErrorSummary problems={form.problems} labels={labels} idOf={form.idOf} />
      <FormField
        control="select"
        label={labels.unitKind}
        required
        options={codeOptions(t, unitKinds, 'unitKinds')}
        {...form.field('unitKind')}
      />
      <FormField
        control="select"
        label={labels.targetGroup}
        required
        options={codeOptions(t, targetGroups, 'targetGroups')}
        {...form.field('targetGroup')}
      />
      <FormField control="date" label={labels.date} required {...form.field('date')} />
      {counts.map((count) => (
        <FormField key={count} control="number" label={labels[count]} min={0} required {...form.field(count)} />
      ))}
      <Button type="submit" appearance="primary-action-button">
        {t('shelter.save')}
      </Button>
      {saved && (
        <Alert type="ok" role="status">
          <Paragraph>{t('shelter.saved')}</Paragraph>
        </Alert>
      )}
    </form>
  );
}
