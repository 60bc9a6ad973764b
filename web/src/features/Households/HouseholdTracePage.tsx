// Trace one household: timeline with regie per step, the trajectory graph (or its table), members, gaps with evidence,
// and the next step recorded from the page.
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import {
  Alert, Button, FormField, FormFieldTextbox, FormLabel, Heading, Paragraph, Select, SelectOption,
  Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { ChainGraph } from '../../graph/ChainGraph';
import { trajectoryElements, type TrajectoryGraph } from '../../graph/elements';
import { GraphDataTable } from '../../graph/GraphDataTable';
import { GraphOrTable } from '../../layout/GraphOrTable';
import { Empty, ErrorAlert, Loading } from '../../layout/States';
import { useSession } from '../../session';
import { AccessRequestForm } from './AccessRequestForm';
import { HandoverForm, ReferralForm } from './ChainStepForms';

const TraceQuery = `query HouseholdTrace_Trajectory($id: ID!) {
  household(id: $id) {
    __typename
    ... on Household {
      id reference landlordType municipality centrumgemeente { id name }
      members { personId label birthYear role from to compositionSource }
      gaps { id rule severity detectedOn summary evidenceNodes }
      trajectory {
        currentState
        currentRegie { stage holder { name } from }
        steps { event { id kind occurredOn agency { name } facility { name } note } stateAfter regie { stage holder { name } } daysSincePrevious superseded }
        nodes { id kind label date superseded }
        edges { id source target kind label }
      }
    }
    ... on Error { code message }
  }
}`;

const RecordContact = `mutation HouseholdTrace_RecordStep($input: RecordEventInput!) {
  recordEvent(input: $input) { __typename ... on Error { code message } }
}`;

interface Step {
  event: { id: string; kind: string; occurredOn: string; agency: { name: string } | null; facility: { name: string } | null; note: string | null };
  stateAfter: string | null;
  regie: { stage: string; holder: { name: string } }[];
  daysSincePrevious: number | null;
  superseded: boolean;
}

interface TraceData {
  household:
    | {
        __typename: 'Household';
        id: string; reference: string; landlordType: string; municipality: string | null; centrumgemeente: { id: string; name: string };
        members: { personId: string; label: string; birthYear: number | null; role: string; from: string; to: string | null; compositionSource: string }[];
        gaps: { id: string; rule: string; severity: string; detectedOn: string; summary: string; evidenceNodes: string[] }[];
        trajectory: TrajectoryGraph & { currentState: string | null; currentRegie: { stage: string; holder: { name: string }; from: string }[]; steps: Step[] };
      }
    | { __typename: 'NotFoundError' | 'ForbiddenError'; code: string; message: string };
}

export default function HouseholdTracePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const { viewer } = useSession();
  const [{ data, fetching, error }, refetch] = useQuery<TraceData>({ query: TraceQuery, variables: { id } });
  const [selectedGap, setSelectedGap] = useState<string | null>(search.get('gap'));
  const household = data?.household;
  const trace = household?.__typename === 'Household' ? household : null;
  const evidence = useMemo(() => new Set(trace?.gaps.find((g) => g.id === selectedGap)?.evidenceNodes ?? []), [trace, selectedGap]);
  const elements = useMemo(
    () => (trace ? trajectoryElements(trace.trajectory, evidence, (kind, label) => (kind === 'EVENT' ? t(`events.${label}`) : kind === 'HOUSEHOLD' ? trace.reference : kind === 'REFERRAL' ? t(`referralStatus.${label}`) : kind === 'SHELTER_REFUSAL' ? t('trace.shelterRefusal', { reason: t(`reasons.${label}`) }) : label)) : []),
    [trace, evidence, t],
  );

  if (fetching && !data) return <Loading />;
  if (error) return <ErrorAlert error={error} />;
  if (household && household.__typename !== 'Household') {
    const mayAsk = household.code === 'FORBIDDEN' && (viewer?.role === 'AGENCY_WORKER' || viewer?.role === 'SHELTER_STAFF');
    return <><ErrorAlert code={household.code} message={household.message} />{mayAsk && <AccessRequestForm householdId={id} />}</>;
  }
  if (!trace) return null;

  return (
    <article aria-labelledby="trace-heading">
      <Heading level={2} id="trace-heading">{t('trace.title', { reference: trace.reference })}</Heading>
      <Paragraph>
        {t('trace.summary', {
          region: trace.centrumgemeente.name,
          state: trace.trajectory.currentState ? t(`states.${trace.trajectory.currentState}`) : t('common.unknown'),
          regie: trace.trajectory.currentRegie.map((r) => `${r.holder.name} (${t(`states.${r.stage}`)})`).join(', ') || t('trace.noRegie'),
        })}
      </Paragraph>

      <Heading level={3}>{t('trace.gaps')}</Heading>
      {trace.gaps.length === 0 ? <Empty>{t('gaps.emptyHousehold')}</Empty> : (
        <ul>
          {trace.gaps.map((g) => (
            <li key={g.id}>
              <Button appearance="subtle-button" aria-pressed={selectedGap === g.id} onClick={() => setSelectedGap(selectedGap === g.id ? null : g.id)}>
                {t(`rules.${g.rule}`)} ({t(`severity.${g.severity}`)}, {g.detectedOn})
              </Button>
            </li>
          ))}
        </ul>
      )}

      <Heading level={3}>{t('trace.trajectory')}</Heading>
      <GraphOrTable
        graph={<ChainGraph elements={elements} label={t('trace.graphLabel', { reference: trace.reference })} />}
        table={<GraphDataTable elements={elements} caption={t('trace.graphTableCaption')} />}
      />
      <Timeline steps={trace.trajectory.steps} evidence={evidence} />

      <Heading level={3}>{t('trace.members')}</Heading>
      <Table>
        <TableCaption>{t('trace.membersCaption')}</TableCaption>
        <TableHeader><TableRow>{['label', 'role', 'birthYear', 'from', 'to', 'source'].map((k) => <TableHeaderCell key={k}>{t(`members.${k}`)}</TableHeaderCell>)}</TableRow></TableHeader>
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

      <NextStep householdId={trace.id} onRecorded={() => refetch({ requestPolicy: 'network-only' })} />
      <ReferralForm householdId={trace.id} cityId={trace.centrumgemeente.id} onDone={() => refetch({ requestPolicy: 'network-only' })} />
      <HandoverForm householdId={trace.id} cityId={trace.centrumgemeente.id} regie={trace.trajectory.currentRegie} onDone={() => refetch({ requestPolicy: 'network-only' })} />
    </article>
  );
}

function Timeline({ steps, evidence }: { steps: Step[]; evidence: ReadonlySet<string> }) {
  const { t } = useTranslation();
  return (
    <div className="kk-table-scroll">
      <Table>
        <TableCaption>{t('trace.timelineCaption')}</TableCaption>
        <TableHeader><TableRow>{['date', 'event', 'agency', 'state', 'regie', 'days'].map((k) => <TableHeaderCell scope="col" key={k}>{t(`timeline.${k}`)}</TableHeaderCell>)}</TableRow></TableHeader>
        <TableBody>
          {steps.map((s) => (
            <TableRow key={s.event.id} data-evidence={evidence.has(`event:${s.event.id}`) ? 'true' : undefined}>
              <TableCell>{s.event.occurredOn}</TableCell>
              <TableCell>
                {evidence.has(`event:${s.event.id}`) && <strong>{t('timeline.evidence')} </strong>}
                {s.superseded ? <del>{t(`events.${s.event.kind}`)}</del> : t(`events.${s.event.kind}`)}
                {s.event.facility ? ` — ${s.event.facility.name}` : ''}
              </TableCell>
              <TableCell>{s.event.agency?.name ?? '—'}</TableCell>
              <TableCell>{s.stateAfter ? t(`states.${s.stateAfter}`) : '—'}</TableCell>
              <TableCell>{s.regie.map((r) => r.holder.name).join(', ') || t('trace.noRegie')}</TableCell>
              <TableCell>{s.daysSincePrevious ?? '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

const NEXT_STEP_KINDS = ['CONTACT', 'HOME_VISIT', 'FOLLOW_UP_CONTACT', 'LOST_CONTACT'] as const;

function NextStep({ householdId, onRecorded }: { householdId: string; onRecorded: () => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<string>('CONTACT');
  const [occurredOn, setOccurredOn] = useState(new Date().toISOString().slice(0, 10));
  const [note, setNote] = useState('');
  const [result, record] = useMutation(RecordContact);
  const [outcome, setOutcome] = useState<{ ok: boolean; code?: string; message?: string } | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const response = await record({ input: { householdId, kind, occurredOn, note: note || null } });
    const payload = response.data?.recordEvent;
    if (payload?.__typename === 'HouseholdEvent') {
      setOutcome({ ok: true });
      setNote('');
      onRecorded();
    } else {
      setOutcome({ ok: false, code: payload?.code ?? 'INTERNAL', message: payload?.message ?? response.error?.message });
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="next-step-heading">
      <Heading level={3} id="next-step-heading">{t('nextStep.title')}</Heading>
      {outcome?.ok && <Alert type="ok" role="status"><Paragraph>{t('nextStep.recorded')}</Paragraph></Alert>}
      {outcome && !outcome.ok && <ErrorAlert code={outcome.code} message={outcome.message} />}
      <FormField>
        <FormLabel htmlFor="next-kind">{t('nextStep.kind')}</FormLabel>
        <Select id="next-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
          {NEXT_STEP_KINDS.map((k) => <SelectOption key={k} value={k}>{t(`events.${k}`)}</SelectOption>)}
        </Select>
      </FormField>
      <FormFieldTextbox label={t('nextStep.date')} name="occurredOn" type="date" required value={occurredOn} onChange={(e) => setOccurredOn((e.target as HTMLInputElement).value)} />
      <FormFieldTextbox label={t('nextStep.note')} name="note" description={t('nextStep.noteHint')} value={note} onChange={(e) => setNote((e.target as HTMLInputElement).value)} />
      <Button type="submit" appearance="primary-action-button" disabled={result.fetching}>{t('nextStep.submit')}</Button>
    </form>
  );
}
