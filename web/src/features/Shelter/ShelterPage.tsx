// Shelter staff report capacity, waiting list and refusals: a CSV upload with a check first and progress, a
// form for a single refusal or capacity, and their own facility's figures and lists, with downloads.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import {
  Alert, Button, Checkbox, FormField, FormFieldTextbox, FormLabel, Heading, Link, Paragraph, Select, SelectOption,
  Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { LineChart } from '../../charts/Chart';
import { csrfHeaders } from '../../client';
import { GraphOrTable } from '../../layout/GraphOrTable';
import { Empty, ErrorAlert, Loading } from '../../layout/States';
import { useSession } from '../../session';
import { occupancySeries, seriesKeys, type CapacityReport, type Snapshot } from './occupancy-series';
import { PageHeading } from '../../layout/PageHeading';

const KINDS = ['capacity', 'occupancy', 'waiting-list', 'refusals'] as const;
const UNIT_KINDS = ['PLACES', 'FAMILY_UNITS', 'CRISIS_BEDS', 'AMBULANT_TRAJECTORIES'];
const TARGET_GROUPS = ['FAMILIES', 'WOMEN_WITH_CHILDREN', 'TWO_PARENT_FAMILIES', 'SINGLE_PARENT_FAMILIES', 'YOUTH', 'SINGLE_ADULTS', 'OTHER'];
const REASONS = ['NO_CAPACITY', 'NOT_ELIGIBLE', 'OUTSIDE_REGION', 'BEHAVIOUR_SAFETY', 'NO_RESIDENCE_PERMIT', 'HOUSEHOLD_COMPOSITION', 'CONTRA_INDICATION', 'TOO_LIGHT', 'OTHER'];
const ALTERNATIVES = ['ONWARD_REFERRAL', 'OTHER_ALTERNATIVE', 'NONE'];

const FacilitiesQuery = `query Shelter_Facilities($agencyId: ID!) { facilities(operatorId: $agencyId, first: 50) { edges { node { id name } } } }`;
const FacilityQuery = `query Shelter_Facility($id: ID!, $from: Date!) { facility(id: $id) { id name
  reportedCapacity { unitKind targetGroup capacity }
  capacityReports { unitKind targetGroup periodStart periodEnd capacity }
  occupancy(from: $from) { date unitKind targetGroup occupied available blocked }
  waitingTimes { entries { value } waiting { value } medianDaysToLeave medianDaysWaiting longestDaysWaiting }
  waitingList(waitingOnly: true) { id caseRef targetGroup dateOn priority }
  refusals { id caseRef refusedOn reason meaning alternative alternativeAgency { name } } } }`;
const ReportRefusal = `mutation Shelter_ReportRefusal($rows: [ShelterRefusalInput!]!) { reportRefusals(rows: $rows) {
  __typename ... on ShelterReportResult { created unchanged } ... on ValidationError { code message fields { path message } } ... on Error { code message } } }`;
const ReportCapacity = `mutation Shelter_ReportCapacity($rows: [CapacityReportInput!]!) { reportCapacity(rows: $rows) {
  __typename ... on ShelterReportResult { created unchanged superseded } ... on ValidationError { code message fields { path message } } ... on Error { code message } } }`;

interface Problem { line: number; column: string | null; message: string }
interface ImportReport { rows: number; dryRun: boolean; problems: Problem[]; totalProblems: number; written: { created: number; unchanged: number; superseded: number } | null }

export default function ShelterPage() {
  const { t } = useTranslation();
  const { viewer } = useSession();
  const [{ data, fetching, error }] = useQuery<{ facilities: { edges: { node: { id: string; name: string } }[] } }>({
    query: FacilitiesQuery,
    variables: { agencyId: viewer?.agency?.id ?? '' },
    pause: !viewer?.agency,
  });
  const facilities = data?.facilities.edges.map((e) => e.node) ?? [];
  const [facilityId, setFacilityId] = useState<string | null>(null);
  const selected = facilityId ?? facilities[0]?.id ?? null;
  if (viewer?.role !== 'SHELTER_STAFF') return <ErrorAlert code="FORBIDDEN" />;
  if (fetching && !data) return <Loading />;
  if (error) return <ErrorAlert error={error} />;
  return (
    <section aria-labelledby="shelter-heading">
      <PageHeading id="shelter-heading" title={t('shelter.title')} />
      <Paragraph>{t('shelter.intro')}</Paragraph>
      {facilities.length === 0 ? <Empty>{t('shelter.noFacilities')}</Empty> : (
        <>
          <FormField>
            <FormLabel htmlFor="shelter-facility">{t('shelter.facility')}</FormLabel>
            <Select id="shelter-facility" value={selected ?? ''} onChange={(e) => setFacilityId(e.target.value)}>
              {facilities.map((f) => <SelectOption key={f.id} value={f.id}>{f.name}</SelectOption>)}
            </Select>
          </FormField>
          {selected && <FacilityOverview facilityId={selected} />}
          <UploadForm />
          {selected && <RefusalForm facilityId={selected} />}
          {selected && <CapacityForm facilityId={selected} />}
        </>
      )}
    </section>
  );
}

function FacilityOverview({ facilityId }: { facilityId: string }) {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery<{ facility: any }>({ query: FacilityQuery, variables: { id: facilityId, from: daysBefore(90) } });
  if (fetching && !data) return <Loading />;
  if (error) return <ErrorAlert error={error} />;
  const facility = data?.facility;
  if (!facility) return null;
  const times = facility.waitingTimes;
  const days = (n: number | null) => (n === null ? t('common.unknown') : t('shelter.days', { count: n }));
  return (
    <>
      <Heading level={3}>{t('shelter.capacityToday')}</Heading>
      {facility.reportedCapacity.length === 0 ? <Empty>{t('shelter.noCapacity')}</Empty> : (
        <Table>
          <TableCaption>{t('shelter.capacityCaption')}</TableCaption>
          <TableHeader><TableRow><TableHeaderCell>{t('shelter.unitKind')}</TableHeaderCell><TableHeaderCell>{t('shelter.targetGroup')}</TableHeaderCell><TableHeaderCell>{t('shelter.capacity')}</TableHeaderCell></TableRow></TableHeader>
          <TableBody>
            {facility.reportedCapacity.map((c: any) => (
              <TableRow key={`${c.unitKind}-${c.targetGroup}`}>
                <TableCell>{t(`unitKinds.${c.unitKind}`)}</TableCell><TableCell>{t(`targetGroups.${c.targetGroup}`)}</TableCell><TableCell>{c.capacity}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <OccupancyOverTime snapshots={facility.occupancy} reports={facility.capacityReports} />
      <Heading level={3}>{t('shelter.waitingList')}</Heading>
      <Paragraph>
        {t('shelter.waitingSummary', { waiting: times.waiting.value ?? 0, entries: times.entries.value ?? 0 })}{' '}
        {t('shelter.waitingMedian', { toLeave: days(times.medianDaysToLeave), sofar: days(times.medianDaysWaiting), longest: days(times.longestDaysWaiting) })}
      </Paragraph>
      {facility.waitingList.length > 0 && (
        <Table>
          <TableCaption>{t('shelter.waitingCaption')}</TableCaption>
          <TableHeader><TableRow><TableHeaderCell>{t('shelter.caseRef')}</TableHeaderCell><TableHeaderCell>{t('shelter.targetGroup')}</TableHeaderCell><TableHeaderCell>{t('shelter.dateOn')}</TableHeaderCell><TableHeaderCell>{t('shelter.priority')}</TableHeaderCell></TableRow></TableHeader>
          <TableBody>
            {facility.waitingList.map((w: any) => (
              <TableRow key={w.id}><TableCell>{w.caseRef}</TableCell><TableCell>{t(`targetGroups.${w.targetGroup}`)}</TableCell><TableCell>{w.dateOn}</TableCell><TableCell>{w.priority ?? '–'}</TableCell></TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Heading level={3}>{t('shelter.refusals')}</Heading>
      {facility.refusals.length === 0 ? <Empty>{t('shelter.noRefusals')}</Empty> : (
        <Table>
          <TableCaption>{t('shelter.refusalsCaption')}</TableCaption>
          <TableHeader><TableRow><TableHeaderCell>{t('shelter.caseRef')}</TableHeaderCell><TableHeaderCell>{t('shelter.refusedOn')}</TableHeaderCell><TableHeaderCell>{t('shelter.reason')}</TableHeaderCell><TableHeaderCell>{t('shelter.meaning')}</TableHeaderCell><TableHeaderCell>{t('shelter.alternative')}</TableHeaderCell></TableRow></TableHeader>
          <TableBody>
            {facility.refusals.map((r: any) => (
              <TableRow key={r.id}>
                <TableCell>{r.caseRef}</TableCell><TableCell>{r.refusedOn}</TableCell><TableCell>{t(`reasons.${r.reason}`)}</TableCell>
                <TableCell>{t(`meanings.${r.meaning}`)}</TableCell>
                <TableCell>{r.alternativeAgency ? `${t(`alternatives.${r.alternative}`)}: ${r.alternativeAgency.name}` : t(`alternatives.${r.alternative}`)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Paragraph>
        {t('shelter.download')}{' '}
        {KINDS.map((kind, index) => (
          <span key={kind}>{index > 0 && ' · '}<Link href={`/shelter/export?kind=${kind}&format=csv`} download>{t(`shelter.kinds.${kind}`)}</Link></span>
        ))}
      </Paragraph>
    </>
  );
}

const daysBefore = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** Occupancy against reported capacity over the last 90 days, as a chart with its table alternative. */
function OccupancyOverTime({ snapshots, reports }: { snapshots: Snapshot[]; reports: CapacityReport[] }) {
  const { t } = useTranslation();
  const keys = seriesKeys(snapshots);
  const [chosen, setChosen] = useState<string | null>(null);
  const key = chosen && keys.includes(chosen) ? chosen : keys[0];
  if (!key) return <><Heading level={3}>{t('shelter.occupancy')}</Heading><Empty>{t('shelter.noOccupancy')}</Empty></>;
  const series = occupancySeries(snapshots, reports, key);
  const [unitKind, targetGroup] = key.split('|');
  const name = `${t(`unitKinds.${unitKind}`)}, ${t(`targetGroups.${targetGroup}`)}`;
  const last = series.occupied.length - 1;
  return (
    <>
      <Heading level={3}>{t('shelter.occupancy')}</Heading>
      {keys.length > 1 && (
        <FormField>
          <FormLabel htmlFor="occupancy-series">{t('shelter.occupancySeries')}</FormLabel>
          <Select id="occupancy-series" value={key} onChange={(e) => setChosen(e.target.value)}>
            {keys.map((k) => <SelectOption key={k} value={k}>{`${t(`unitKinds.${k.split('|')[0]}`)}, ${t(`targetGroups.${k.split('|')[1]}`)}`}</SelectOption>)}
          </Select>
        </FormField>
      )}
      <GraphOrTable
        graph={
          <LineChart
            labels={series.days}
            summary={t('shelter.occupancySummary', { name, from: series.days[0], to: series.days[last], occupied: series.occupied[last] ?? t('common.unknown'), capacity: series.capacity[last] ?? t('common.unknown') })}
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
            <TableHeader><TableRow><TableHeaderCell scope="col">{t('shelter.day')}</TableHeaderCell><TableHeaderCell scope="col">{t('shelter.occupied')}</TableHeaderCell><TableHeaderCell scope="col">{t('shelter.available')}</TableHeaderCell><TableHeaderCell scope="col">{t('shelter.blocked')}</TableHeaderCell><TableHeaderCell scope="col">{t('shelter.capacity')}</TableHeaderCell></TableRow></TableHeader>
            <TableBody>
              {series.days.map((day, i) => (
                <TableRow key={day}>
                  <TableHeaderCell scope="row">{day}</TableHeaderCell>
                  {[series.occupied[i], series.available[i], series.blocked[i], series.capacity[i]].map((value, j) => <TableCell key={j}>{value ?? t('common.unknown')}</TableCell>)}
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
async function uploadCsv(kind: string, file: File, dryRun: boolean, encoding: string, onProgress: (rows: number) => void): Promise<ImportReport | { error: string }> {
  const params = new URLSearchParams({ kind, dryRun: String(dryRun), encoding });
  const response = await fetch(`/shelter/import?${params}`, { method: 'POST', body: file, credentials: 'same-origin', headers: { 'content-type': 'text/csv', ...csrfHeaders() } });
  if (!response.ok || !response.body) return { error: ((await response.json().catch(() => null)) as { error?: { code: string } } | null)?.error?.code ?? 'INTERNAL' };
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

function UploadForm() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<string>('refusals');
  const [encoding, setEncoding] = useState('utf-8');
  const [dryRun, setDryRun] = useState(true);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<ImportReport | { error: string } | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setOutcome(null);
    setProgress(0);
    try {
      setOutcome(await uploadCsv(kind, file, dryRun, encoding, setProgress));
    } catch {
      // The network failed, or the browser could not read the file (it changed after it was chosen).
      setOutcome({ error: 'UPLOAD_FAILED' });
    } finally {
      setProgress(null);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="upload-heading">
      <Heading level={3} id="upload-heading">{t('shelter.upload')}</Heading>
      <Paragraph>{t('shelter.uploadHint')}</Paragraph>
      <FormField>
        <FormLabel htmlFor="upload-kind">{t('shelter.kind')}</FormLabel>
        <Select id="upload-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
          {KINDS.map((k) => <SelectOption key={k} value={k}>{t(`shelter.kinds.${k}`)}</SelectOption>)}
        </Select>
      </FormField>
      <FormField>
        <FormLabel htmlFor="upload-encoding">{t('shelter.encoding')}</FormLabel>
        <Select id="upload-encoding" value={encoding} onChange={(e) => setEncoding(e.target.value)}>
          <SelectOption value="utf-8">UTF-8</SelectOption>
          <SelectOption value="windows-1252">Windows-1252 ({t('shelter.olderExcel')})</SelectOption>
        </Select>
      </FormField>
      <FormField>
        <FormLabel htmlFor="upload-file">{t('shelter.file')}</FormLabel>
        <input id="upload-file" className="utrecht-textbox" type="file" accept=".csv,text/csv" required onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </FormField>
      <FormField type="checkbox">
        <Checkbox id="upload-dry-run" checked={dryRun} onChange={(e) => setDryRun((e.target).checked)} />
        <FormLabel htmlFor="upload-dry-run" type="checkbox">{t('shelter.dryRun')}</FormLabel>
      </FormField>
      <Button type="submit" appearance="primary-action-button" disabled={!file || progress !== null}>{dryRun ? t('shelter.check') : t('shelter.send')}</Button>
      {progress !== null && <Paragraph role="status">{t('shelter.progress', { rows: progress })}</Paragraph>}
      {outcome && 'error' in outcome && <ErrorAlert code={outcome.error} />}
      {outcome && !('error' in outcome) && <ImportOutcome report={outcome} />}
    </form>
  );
}

function ImportOutcome({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  if (report.totalProblems > 0) {
    return (
      <Alert type="error" role="alert">
        <Paragraph>{t('shelter.problems', { count: report.totalProblems, rows: report.rows })}</Paragraph>
        <Table>
          <TableCaption>{t('shelter.problemsCaption')}</TableCaption>
          <TableHeader><TableRow><TableHeaderCell>{t('shelter.line')}</TableHeaderCell><TableHeaderCell>{t('shelter.column')}</TableHeaderCell><TableHeaderCell>{t('shelter.problem')}</TableHeaderCell></TableRow></TableHeader>
          <TableBody>
            {report.problems.map((p, i) => (
              <TableRow key={i}><TableCell>{p.line}</TableCell><TableCell>{p.column ?? '–'}</TableCell><TableCell>{p.message}</TableCell></TableRow>
            ))}
          </TableBody>
        </Table>
      </Alert>
    );
  }
  return (
    <Alert type="ok" role="status">
      <Paragraph>
        {report.dryRun || !report.written
          ? t('shelter.checked', { rows: report.rows })
          : t('shelter.written', { created: report.written.created, unchanged: report.written.unchanged, superseded: report.written.superseded })}
      </Paragraph>
    </Alert>
  );
}

type MutationOutcome = { __typename: string; created?: number; unchanged?: number; code?: string; message?: string; fields?: { path: string[]; message: string }[] } | null;

function MutationResult({ outcome }: { outcome: MutationOutcome }) {
  const { t } = useTranslation();
  if (!outcome) return null;
  if (outcome.__typename === 'ShelterReportResult') return <Alert type="ok" role="status"><Paragraph>{t('shelter.saved')}</Paragraph></Alert>;
  const details = outcome.fields?.map((f) => `${f.path.at(-1)}: ${f.message}`).join('; ');
  return <ErrorAlert code={outcome.code} message={details ?? outcome.message} />;
}

const today = () => new Date().toISOString().slice(0, 10);

function RefusalForm({ facilityId }: { facilityId: string }) {
  const { t } = useTranslation();
  const [, report] = useMutation(ReportRefusal);
  const [row, setRow] = useState({ caseRef: '', targetGroup: 'FAMILIES', refusedOn: today(), reason: 'NO_CAPACITY', alternative: 'NONE', alternativeAgencyId: '', note: '' });
  const [outcome, setOutcome] = useState<MutationOutcome>(null);
  const set = (field: keyof typeof row) => (e: { target: unknown }) => setRow({ ...row, [field]: (e.target as HTMLInputElement).value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { alternativeAgencyId, note, ...rest } = row;
    const result = await report({ rows: [{ ...rest, facilityId, alternativeAgencyId: alternativeAgencyId || null, note: note || null }] });
    setOutcome(result.data?.reportRefusals ?? { __typename: 'Error', code: 'INTERNAL' });
  }

  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="refusal-heading">
      <Heading level={3} id="refusal-heading">{t('shelter.reportRefusal')}</Heading>
      <FormFieldTextbox label={t('shelter.caseRef')} name="caseRef" description={t('shelter.caseRefHint')} required value={row.caseRef} onChange={set('caseRef')} />
      <CodeSelect id="refusal-group" label={t('shelter.targetGroup')} value={row.targetGroup} options={TARGET_GROUPS} prefix="targetGroups" onChange={set('targetGroup')} />
      <FormFieldTextbox label={t('shelter.refusedOn')} name="refusedOn" type="date" required value={row.refusedOn} onChange={set('refusedOn')} />
      <CodeSelect id="refusal-reason" label={t('shelter.reason')} value={row.reason} options={REASONS} prefix="reasons" onChange={set('reason')} />
      <CodeSelect id="refusal-alternative" label={t('shelter.alternative')} value={row.alternative} options={ALTERNATIVES} prefix="alternatives" onChange={set('alternative')} />
      {row.alternative === 'ONWARD_REFERRAL' && (
        <FormFieldTextbox label={t('shelter.alternativeAgency')} name="alternativeAgencyId" required value={row.alternativeAgencyId} onChange={set('alternativeAgencyId')} />
      )}
      <FormFieldTextbox label={t('shelter.note')} name="note" description={t('nextStep.noteHint')} value={row.note} onChange={set('note')} />
      <Button type="submit" appearance="primary-action-button">{t('shelter.save')}</Button>
      <MutationResult outcome={outcome} />
    </form>
  );
}

function CapacityForm({ facilityId }: { facilityId: string }) {
  const { t } = useTranslation();
  const [, report] = useMutation(ReportCapacity);
  const month = today().slice(0, 7);
  const [row, setRow] = useState({ unitKind: 'FAMILY_UNITS', targetGroup: 'FAMILIES', periodStart: `${month}-01`, periodEnd: today(), capacity: '' });
  const [outcome, setOutcome] = useState<MutationOutcome>(null);
  const set = (field: keyof typeof row) => (e: { target: unknown }) => setRow({ ...row, [field]: (e.target as HTMLInputElement).value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await report({ rows: [{ ...row, facilityId, capacity: Number(row.capacity) }] });
    setOutcome(result.data?.reportCapacity ?? { __typename: 'Error', code: 'INTERNAL' });
  }

  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="capacity-heading">
      <Heading level={3} id="capacity-heading">{t('shelter.reportCapacity')}</Heading>
      <CodeSelect id="capacity-unit" label={t('shelter.unitKind')} value={row.unitKind} options={UNIT_KINDS} prefix="unitKinds" onChange={set('unitKind')} />
      <CodeSelect id="capacity-group" label={t('shelter.targetGroup')} value={row.targetGroup} options={TARGET_GROUPS} prefix="targetGroups" onChange={set('targetGroup')} />
      <FormFieldTextbox label={t('shelter.periodStart')} name="periodStart" type="date" required value={row.periodStart} onChange={set('periodStart')} />
      <FormFieldTextbox label={t('shelter.periodEnd')} name="periodEnd" type="date" required value={row.periodEnd} onChange={set('periodEnd')} />
      <FormFieldTextbox label={t('shelter.capacity')} name="capacity" type="number" min={0} required value={row.capacity} onChange={set('capacity')} />
      <Button type="submit" appearance="primary-action-button">{t('shelter.save')}</Button>
      <MutationResult outcome={outcome} />
    </form>
  );
}

function CodeSelect({ id, label, value, options, prefix, onChange }: { id: string; label: string; value: string; options: string[]; prefix: string; onChange: (e: { target: unknown }) => void }) {
  const { t } = useTranslation();
  return (
    <FormField>
      <FormLabel htmlFor={id}>{label}</FormLabel>
      <Select id={id} value={value} onChange={onChange}>
        {options.map((o) => <SelectOption key={o} value={o}>{t(`${prefix}.${o}`)}</SelectOption>)}
      </Select>
    </FormField>
  );
}
