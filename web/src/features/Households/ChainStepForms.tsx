// The steps that move a family along the chain from its trace page: a recorded step (a report, a contact), a
// referral to another agency, taking regie and handing it over. The API decides who may do what (a coordinator names
// the agency that acted; workers act for their own). A gap's suggested next step opens one of these, filled in.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Alert, Button, FormField, FormFieldTextbox, FormLabel, Heading, Paragraph, Select, SelectOption } from '@utrecht/component-library-react';
import { ErrorAlert } from '../../layout/States';
import { useSession } from '../../session';

const AgenciesQuery = `query ChainSteps_Agencies($cityId: ID!) { agencies(centrumgemeenteId: $cityId, first: 100) { edges { node { id name } } } }`;
const SendReferral = `mutation ChainSteps_SendReferral($input: SendReferralInput!) { sendReferral(input: $input) {
  __typename ... on ValidationError { code fields { path message } } ... on Error { code message } } }`;
const RecordStep = `mutation ChainSteps_RecordStep($input: RecordEventInput!) {
  recordEvent(input: $input) { __typename ... on ValidationError { code fields { path message } } ... on Error { code message } } }`;
const TakeRegie = `mutation ChainSteps_TakeRegie($householdId: ID!, $stage: ChainState!, $agencyId: ID, $from: Date!) {
  takeRegie(householdId: $householdId, stage: $stage, agencyId: $agencyId, from: $from) {
    __typename ... on ValidationError { code fields { path message } } ... on Error { code message } } }`;
const HandOverRegie = `mutation ChainSteps_HandOver($householdId: ID!, $stage: ChainState!, $toAgencyId: ID!, $on: Date!) {
  handOverRegie(householdId: $householdId, stage: $stage, toAgencyId: $toAgencyId, on: $on) {
    __typename ... on ValidationError { code fields { path message } } ... on Error { code message } } }`;

type Answer = { __typename: string; code?: string; message?: string; fields?: { path: string[]; message: string }[] } | undefined;
const today = () => new Date().toISOString().slice(0, 10);

function useAgencies(cityId: string) {
  const [{ data }] = useQuery<{ agencies: { edges: { node: { id: string; name: string } }[] } }>({ query: AgenciesQuery, variables: { cityId } });
  return data?.agencies.edges.map((e) => e.node) ?? [];
}

function Outcome({ answer, okText }: { answer: Answer | null; okText: string }) {
  if (!answer) return null;
  if (!answer.code) return <Alert type="ok" role="status"><Paragraph>{okText}</Paragraph></Alert>;
  return <ErrorAlert code={answer.code} message={answer.fields?.map((f) => `${f.path.at(-1)}: ${f.message}`).join('; ') ?? answer.message} />;
}

function AgencySelect({ id, label, agencies, value, onChange, optional = false }: { id: string; label: string; agencies: { id: string; name: string }[]; value: string; onChange: (id: string) => void; optional?: boolean }) {
  const { t } = useTranslation();
  return (
    <FormField>
      <FormLabel htmlFor={id}>{label}</FormLabel>
      <Select id={id} value={value} required={!optional} onChange={(e) => onChange(e.target.value)}>
        <SelectOption value="">{t('chainSteps.choose')}</SelectOption>
        {agencies.map((a) => <SelectOption key={a.id} value={a.id}>{a.name}</SelectOption>)}
      </Select>
    </FormField>
  );
}

/** Steps a worker records from the trace; the reports close the feedback gaps (docs/domain.md §4 G7). */
export const RECORDABLE_STEPS = ['INTERIM_REPORT', 'FEEDBACK_REPORT', 'CONTACT', 'HOME_VISIT', 'FOLLOW_UP_CONTACT', 'LOST_CONTACT'] as const;
export type RecordableStep = (typeof RECORDABLE_STEPS)[number];

export function RecordStepForm({ householdId, cityId, presetKind, onDone }: { householdId: string; cityId: string; presetKind?: RecordableStep; onDone: () => void }) {
  const { t } = useTranslation();
  const { viewer } = useSession();
  const agencies = useAgencies(cityId);
  const [result, record] = useMutation(RecordStep);
  const [kind, setKind] = useState<string>(presetKind ?? 'CONTACT');
  const [agencyId, setAgency] = useState('');
  const [occurredOn, setOccurredOn] = useState(today());
  const [note, setNote] = useState('');
  const [answer, setAnswer] = useState<Answer | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const response = await record({ input: { householdId, kind, occurredOn, note: note || null, ...(viewer?.role === 'COORDINATOR' && agencyId ? { agencyId } : {}) } });
    const payload: Answer = response.data?.recordEvent ?? { __typename: 'Error', code: 'INTERNAL' };
    setAnswer(payload);
    if (!payload?.code) {
      setNote('');
      onDone();
    }
  }

  return (
    <form id="form-record" onSubmit={(e) => void submit(e)} aria-labelledby="next-step-heading" className="kk-no-print">
      <Heading level={3} id="next-step-heading" tabIndex={-1}>{t('nextStep.title')}</Heading>
      <FormField>
        <FormLabel htmlFor="next-kind">{t('nextStep.kind')}</FormLabel>
        <Select id="next-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
          {RECORDABLE_STEPS.map((k) => <SelectOption key={k} value={k}>{t(`events.${k}`)}</SelectOption>)}
        </Select>
      </FormField>
      {viewer?.role === 'COORDINATOR' && <AgencySelect id="next-agency" label={t('nextStep.agency')} agencies={agencies} value={agencyId} onChange={setAgency} optional />}
      <FormFieldTextbox label={t('nextStep.date')} name="occurredOn" type="date" required value={occurredOn} onChange={(e) => setOccurredOn((e.target as HTMLInputElement).value)} />
      <FormFieldTextbox label={t('nextStep.note')} name="note" description={t('nextStep.noteHint')} value={note} onChange={(e) => setNote((e.target as HTMLInputElement).value)} />
      <Button type="submit" appearance="primary-action-button" disabled={result.fetching}>{t('nextStep.submit')}</Button>
      <Outcome answer={answer} okText={t('nextStep.recorded')} />
    </form>
  );
}

export function TakeRegieForm({ householdId, cityId, stage, onDone }: { householdId: string; cityId: string; stage: string | null; onDone: () => void }) {
  const { t } = useTranslation();
  const { viewer } = useSession();
  const agencies = useAgencies(cityId);
  const [, take] = useMutation(TakeRegie);
  const [agencyId, setAgency] = useState('');
  const [answer, setAnswer] = useState<Answer | null>(null);
  if (!stage) return null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await take({ householdId, stage, from: today(), ...(viewer?.role === 'COORDINATOR' ? { agencyId } : {}) });
    const payload: Answer = result.data?.takeRegie ?? { __typename: 'Error', code: 'INTERNAL' };
    setAnswer(payload);
    if (!payload?.code) onDone();
  }

  return (
    <form id="form-regie" onSubmit={(e) => void submit(e)} aria-labelledby="regie-heading" className="kk-no-print">
      <Heading level={3} id="regie-heading" tabIndex={-1}>{t('chainSteps.takeRegie', { stage: t(`states.${stage}`) })}</Heading>
      {viewer?.role === 'COORDINATOR' && <AgencySelect id="regie-agency" label={t('chainSteps.regieAgency')} agencies={agencies} value={agencyId} onChange={setAgency} />}
      <Button type="submit" appearance="primary-action-button">{t('chainSteps.take')}</Button>
      <Outcome answer={answer} okText={t('chainSteps.taken')} />
    </form>
  );
}

export function ReferralForm({ householdId, cityId, onDone }: { householdId: string; cityId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { viewer } = useSession();
  const agencies = useAgencies(cityId);
  const [, send] = useMutation(SendReferral);
  const [fromAgencyId, setFrom] = useState('');
  const [toAgencyId, setTo] = useState('');
  const [purpose, setPurpose] = useState('');
  const [answer, setAnswer] = useState<Answer | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await send({ input: { householdId, toAgencyId, purpose, sentOn: today(), ...(viewer?.role === 'COORDINATOR' ? { fromAgencyId } : {}) } });
    const payload: Answer = result.data?.sendReferral ?? { __typename: 'Error', code: 'INTERNAL' };
    setAnswer(payload);
    if (!payload?.code) {
      setPurpose('');
      onDone();
    }
  }

  return (
    <form id="form-referral" onSubmit={(e) => void submit(e)} aria-labelledby="referral-heading" className="kk-no-print">
      <Heading level={3} id="referral-heading" tabIndex={-1}>{t('chainSteps.referral')}</Heading>
      {viewer?.role === 'COORDINATOR' && <AgencySelect id="referral-from" label={t('chainSteps.from')} agencies={agencies} value={fromAgencyId} onChange={setFrom} />}
      <AgencySelect id="referral-to" label={t('chainSteps.to')} agencies={agencies} value={toAgencyId} onChange={setTo} />
      <FormFieldTextbox label={t('chainSteps.purpose')} name="purpose" description={t('nextStep.noteHint')} required value={purpose} onChange={(e) => setPurpose((e.target as HTMLInputElement).value)} />
      <Button type="submit" appearance="primary-action-button">{t('chainSteps.send')}</Button>
      <Outcome answer={answer} okText={t('chainSteps.sent')} />
    </form>
  );
}

export function HandoverForm({ householdId, cityId, regie, onDone }: { householdId: string; cityId: string; regie: { stage: string; holder: { name: string } }[]; onDone: () => void }) {
  const { t } = useTranslation();
  const agencies = useAgencies(cityId);
  const [, handOver] = useMutation(HandOverRegie);
  const [stage, setStage] = useState(regie[0]?.stage ?? '');
  const [toAgencyId, setTo] = useState('');
  const [answer, setAnswer] = useState<Answer | null>(null);
  if (regie.length === 0) return <Paragraph>{t('chainSteps.noRegieToHandOver')}</Paragraph>;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await handOver({ householdId, stage, toAgencyId, on: today() });
    const payload: Answer = result.data?.handOverRegie ?? { __typename: 'Error', code: 'INTERNAL' };
    setAnswer(payload);
    if (!payload?.code) onDone();
  }

  return (
    <form id="form-handover" onSubmit={(e) => void submit(e)} aria-labelledby="handover-heading" className="kk-no-print">
      <Heading level={3} id="handover-heading" tabIndex={-1}>{t('chainSteps.handover')}</Heading>
      <FormField>
        <FormLabel htmlFor="handover-stage">{t('chainSteps.stage')}</FormLabel>
        <Select id="handover-stage" value={stage} onChange={(e) => setStage(e.target.value)}>
          {regie.map((r) => <SelectOption key={r.stage} value={r.stage}>{`${t(`states.${r.stage}`)} (${r.holder.name})`}</SelectOption>)}
        </Select>
      </FormField>
      <AgencySelect id="handover-to" label={t('chainSteps.handoverTo')} agencies={agencies} value={toAgencyId} onChange={setTo} />
      <Button type="submit" appearance="primary-action-button">{t('chainSteps.handOver')}</Button>
      <Outcome answer={answer} okText={t('chainSteps.handedOver')} />
    </form>
  );
}
