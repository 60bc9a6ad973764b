// The steps that move a family along the chain from its trace page: a recorded step (a report, a contact), a
// referral to another agency, taking regie and handing it over. The API decides who may do what (a coordinator names
// the agency that acted; workers act for their own). A gap's suggested next step opens one of these, filled in.
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Alert, Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { FormField } from '../../forms/FormField';
import { oneOf } from '../../forms/choices';
import { hasProblems, missingRequired, ProblemFields } from '../../forms/problems';
import { submitted } from '../../forms/submit';
import { useForm } from '../../forms/useForm';
import { graphql, type EnumOf } from '../../graphql';
import { useSession } from '../../session';
import { today } from '../../days';

const AgenciesQuery = graphql(`
  query ChainSteps_Agencies($cityId: ID!) {
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
const SendReferral = graphql(
  `
    mutation ChainSteps_SendReferral($input: SendReferralInput!) {
      sendReferral(input: $input) {
        __typename
        ...ProblemFields
      }
    }
  `,
  [ProblemFields],
);
const RecordStep = graphql(
  `
    mutation ChainSteps_RecordStep($input: RecordEventInput!) {
      recordEvent(input: $input) {
        __typename
        ...ProblemFields
      }
    }
  `,
  [ProblemFields],
);
const TakeRegie = graphql(
  `
    mutation ChainSteps_TakeRegie($householdId: ID!, $stage: ChainState!, $agencyId: ID, $from: Date!) {
      takeRegie(householdId: $householdId, stage: $stage, agencyId: $agencyId, from: $from) {
        __typename
        ...ProblemFields
      }
    }
  `,
  [ProblemFields],
);
const HandOverRegie = graphql(
  `
    mutation ChainSteps_HandOver($householdId: ID!, $stage: ChainState!, $toAgencyId: ID!, $on: Date!) {
      handOverRegie(householdId: $householdId, stage: $stage, toAgencyId: $toAgencyId, on: $on) {
        __typename
        ...ProblemFields
      }
    }
  `,
  [ProblemFields],
);

type ChainState = EnumOf<'ChainState'>;

/**
 * The shell of every chain-step form: a heading that takes the focus when a gap's next step opens the form, the
 * problems first, the fields, one submit button, and a status once the step is saved.
 */
function StepForm({
  name,
  headingId,
  title,
  summary,
  submitText,
  savedText,
  saved,
  busy = false,
  onSubmit,
  children,
}: {
  name: string;
  headingId: string;
  title: string;
  summary: ReactNode;
  submitText: string;
  savedText: string;
  saved: boolean;
  busy?: boolean;
  onSubmit: (event: FormEvent) => Promise<void>;
  children: ReactNode;
}) {
  return (
    <form id={`form-${name}`} onSubmit={(e) => void onSubmit(e)} aria-labelledby={headingId} className="kk-no-print" noValidate>
      <Heading level={3} id={headingId} tabIndex={-1}>
        {title}
      </Heading>
      {summary}
      {children}
      <Button type="submit" appearance="primary-action-button" disabled={busy}>
        {submitText}
      </Button>
      {saved && (
        <Alert type="ok" role="status">
          <Paragraph>{savedText}</Paragraph>
        </Alert>
      )}
    </form>
  );
}

function useAgencyOptions(cityId: string) {
  const [{ data }] = useQuery({ query: AgenciesQuery, variables: { cityId } });
  return data?.agencies.edges.map((e) => ({ value: e.node.id, label: e.node.name })) ?? [];
}

/** Steps a worker records from the trace; the reports close the feedback gaps (docs/domain.md §4 G7). */
export const RECORDABLE_STEPS = [
  'INTERIM_REPORT',
  'FEEDBACK_REPORT',
  'CONTACT',
  'HOME_VISIT',
  'FOLLOW_UP_CONTACT',
  'LOST_CONTACT',
] as const satisfies readonly EnumOf<'RecordableEventKind'>[];
export type RecordableStep = (typeof RECORDABLE_STEPS)[number];

export function RecordStepForm({
  householdId,
  cityId,
  presetKind,
  onDone,
}: {
  householdId: string;
  cityId: string;
  presetKind?: RecordableStep;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { viewer } = useSession();
  const agencies = useAgencyOptions(cityId);
  const [result, record] = useMutation(RecordStep);
  // No kind is chosen for the worker: a kind left over from the last save made a second click record a second step.
  const blank = { kind: presetKind ?? '', agencyId: '', occurredOn: today(), note: '' };
  const form = useForm('record', blank);
  const [recorded, setRecorded] = useState(false);
  const namesAgency = viewer?.role === 'COORDINATOR';
  const labels = { kind: t('nextStep.kind'), agencyId: t('nextStep.agency'), occurredOn: t('nextStep.date'), note: t('nextStep.note') };
  const fields = Object.keys(labels);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setRecorded(false);
    const missing = missingRequired(form.values, ['kind', 'occurredOn']);
    form.setProblems(missing);
    const { kind: chosenKind, agencyId, occurredOn, note } = form.values;
    const kind = oneOf(RECORDABLE_STEPS, chosenKind);
    if (hasProblems(missing) || !kind) return;
    const ok = await submitted(form, fields, async () => {
      const response = await record({
        input: { householdId, kind, occurredOn, note: note || null, ...(namesAgency && agencyId ? { agencyId } : {}) },
      });
      return { answer: response.data?.recordEvent, error: response.error };
    });
    if (ok) {
      // A saved step leaves an empty form behind (no kind), so that the same click cannot record it twice.
      form.setValues({ ...blank, kind: '' });
      setRecorded(true);
      onDone();
    }
  }

  return (
    <StepForm
      name="record"
      headingId="next-step-heading"
      title={t('nextStep.title')}
      submitText={t('nextStep.submit')}
      savedText={t('nextStep.recorded')}
      saved={recorded}
      busy={result.fetching}
      summary={<ErrorSummary problems={form.problems} labels={labels} idOf={form.idOf} />}
      onSubmit={submit}
    >
      <FormField
        control="select"
        label={labels.kind}
        required
        options={RECORDABLE_STEPS.map((k) => ({ value: k, label: t(`events.${k}`) }))}
        placeholder={t('nextStep.chooseKind')}
        {...form.field('kind')}
      />
      {namesAgency && (
        <FormField
          control="select"
          label={labels.agencyId}
          options={agencies}
          placeholder={t('chainSteps.choose')}
          {...form.field('agencyId')}
        />
      )}
      <FormField control="date" label={labels.occurredOn} required {...form.field('occurredOn')} />
      <FormField control="text" label={labels.note} description={t('nextStep.noteHint')} {...form.field('note')} />
    </StepForm>
  );
}

export function TakeRegieForm({
  householdId,
  cityId,
  stage,
  onDone,
}: {
  householdId: string;
  cityId: string;
  stage: ChainState | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { viewer } = useSession();
  const agencies = useAgencyOptions(cityId);
  const [, take] = useMutation(TakeRegie);
  const form = useForm('regie', { agencyId: '' });
  const [taken, setTaken] = useState(false);
  if (!stage) return null;
  const namesAgency = viewer?.role === 'COORDINATOR';
  const labels = { agencyId: t('chainSteps.regieAgency') };
  const fields = Object.keys(labels);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTaken(false);
    const missing = namesAgency ? missingRequired(form.values, fields) : {};
    form.setProblems(missing);
    if (hasProblems(missing) || !stage) return;
    const ok = await submitted(form, fields, async () => {
      const response = await take({ householdId, stage, from: today(), ...(namesAgency ? { agencyId: form.values.agencyId } : {}) });
      return { answer: response.data?.takeRegie, error: response.error };
    });
    if (ok) {
      setTaken(true);
      onDone();
    }
  }

  return (
    <StepForm
      name="regie"
      headingId="regie-heading"
      title={t('chainSteps.takeRegie', { stage: t(`states.${stage}`) })}
      submitText={t('chainSteps.take')}
      savedText={t('chainSteps.taken')}
      saved={taken}
      summary={<ErrorSummary problems={form.problems} labels={labels} idOf={form.idOf} />}
      onSubmit={submit}
    >
      {namesAgency && (
        <FormField
          control="select"
          label={labels.agencyId}
          options={agencies}
          placeholder={t('chainSteps.choose')}
          required
          {...form.field('agencyId')}
        />
      )}
    </StepForm>
  );
}

export function ReferralForm({ householdId, cityId, onDone }: { householdId: string; cityId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { viewer } = useSession();
  const agencies = useAgencyOptions(cityId);
  const [, send] = useMutation(SendReferral);
  const form = useForm('referral', { fromAgencyId: '', toAgencyId: '', purpose: '' });
  const [sent, setSent] = useState(false);
  const namesSender = viewer?.role === 'COORDINATOR';
  const labels = { fromAgencyId: t('chainSteps.from'), toAgencyId: t('chainSteps.to'), purpose: t('chainSteps.purpose') };
  const fields = Object.keys(labels);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSent(false);
    const missing = missingRequired(form.values, namesSender ? fields : ['toAgencyId', 'purpose']);
    form.setProblems(missing);
    if (hasProblems(missing)) return;
    const { fromAgencyId, toAgencyId, purpose } = form.values;
    const ok = await submitted(form, fields, async () => {
      const response = await send({
        input: { householdId, toAgencyId, purpose, sentOn: today(), ...(namesSender ? { fromAgencyId } : {}) },
      });
      return { answer: response.data?.sendReferral, error: response.error };
    });
    if (ok) {
      form.setValues({ ...form.values, purpose: '' });
      setSent(true);
      onDone();
    }
  }

  return (
    <StepForm
      name="referral"
      headingId="referral-heading"
      title={t('chainSteps.referral')}
      submitText={t('chainSteps.send')}
      savedText={t('chainSteps.sent')}
      saved={sent}
      summary={<ErrorSummary problems={form.problems} labels={labels} idOf={form.idOf} />}
      onSubmit={submit}
    >
      {namesSender && (
        <FormField
          control="select"
          label={labels.fromAgencyId}
          options={agencies}
          placeholder={t('chainSteps.choose')}
          required
          {...form.field('fromAgencyId')}
        />
      )}
      <FormField
        control="select"
        label={labels.toAgencyId}
        options={agencies}
        placeholder={t('chainSteps.choose')}
        required
        {...form.field('toAgencyId')}
      />
      <FormField control="textarea" label={labels.purpose} description={t('nextStep.noteHint')} required {...form.field('purpose')} />
    </StepForm>
  );
}

export function HandoverForm({
  householdId,
  cityId,
  regie,
  onDone,
}: {
  householdId: string;
  cityId: string;
  regie: readonly { stage: ChainState; holder: { name: string } }[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const agencies = useAgencyOptions(cityId);
  const [, handOver] = useMutation(HandOverRegie);
  const form = useForm('handover', { stage: regie[0]?.stage ?? '', toAgencyId: '' });
  const [done, setDone] = useState(false);
  if (regie.length === 0) return <Paragraph>{t('chainSteps.noRegieToHandOver')}</Paragraph>;
  const labels = { stage: t('chainSteps.stage'), toAgencyId: t('chainSteps.handoverTo') };
  const fields = Object.keys(labels);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    const missing = missingRequired(form.values, fields);
    form.setProblems(missing);
    const stage = regie.find((r) => r.stage === form.values.stage)?.stage;
    if (hasProblems(missing) || !stage) return;
    const ok = await submitted(form, fields, async () => {
      const response = await handOver({ householdId, stage, toAgencyId: form.values.toAgencyId, on: today() });
      return { answer: response.data?.handOverRegie, error: response.error };
    });
    if (ok) {
      setDone(true);
      onDone();
    }
  }

  return (
    <StepForm
      name="handover"
      headingId="handover-heading"
      title={t('chainSteps.handover')}
      submitText={t('chainSteps.handOver')}
      savedText={t('chainSteps.handedOver')}
      saved={done}
      summary={<ErrorSummary problems={form.problems} labels={labels} idOf={form.idOf} />}
      onSubmit={submit}
    >
      <FormField
        control="select"
        label={labels.stage}
        required
        options={regie.map((r) => ({ value: r.stage, label: `${t(`states.${r.stage}`)} (${r.holder.name})` }))}
        {...form.field('stage')}
      />
      <FormField
        control="select"
        label={labels.toAgencyId}
        options={agencies}
        placeholder={t('chainSteps.choose')}
        required
        {...form.field('toAgencyId')}
      />
    </StepForm>
  );
}
