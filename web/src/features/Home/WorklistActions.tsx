// The one form each worklist item opens: answer a referral, give the information asked for, record the step owed,
// decide on a request for access, acknowledge a notice, or record a shelter outcome. The API checks who may do what.
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { Alert, Button, ButtonGroup, FormField, FormFieldTextbox, FormLabel, Paragraph, Select, SelectOption } from '@utrecht/component-library-react';
import { ErrorAlert } from '../../layout/States';

export interface WorklistItem {
  id: string;
  kind: string;
  subjectId: string;
  restricted: boolean;
  dueOn: string;
  overdue: boolean;
  severity: string;
  rule: string | null;
  action: string;
  stepKind: string | null;
  detail: string | null;
  household: { id: string; reference: string } | null;
  owedBy: { id: string; name: string } | null;
  otherAgency: { id: string; name: string; type: string } | null;
  facility: { id: string; name: string } | null;
  referral: { id: string; status: string; purpose: string; refusalReason: string | null; refusalText: string | null; infoQuestion: string | null } | null;
}

const errorFields = '__typename ... on ValidationError { code fields { path message } } ... on Error { code message }';
const Accept = `mutation Worklist_Accept($id: ID!, $on: Date!) { acceptReferral(id: $id, on: $on) { ${errorFields} } }`;
const Refuse = `mutation Worklist_Refuse($id: ID!, $on: Date!, $reason: RefusalReason!, $text: String) {
  refuseReferral(id: $id, on: $on, refusalReason: $reason, refusalText: $text) { ${errorFields} } }`;
const AskInfo = `mutation Worklist_AskInfo($id: ID!, $on: Date!, $message: String!) { requestReferralInfo(id: $id, on: $on, message: $message) { ${errorFields} } }`;
const GiveInfo = `mutation Worklist_GiveInfo($id: ID!, $on: Date!, $message: String!) { provideReferralInfo(id: $id, on: $on, message: $message) { ${errorFields} } }`;
const RecordStep = `mutation Worklist_RecordStep($input: RecordEventInput!) { recordEvent(input: $input) { ${errorFields} } }`;
const Decide = `mutation Worklist_DecideAccess($id: ID!, $grant: Boolean!, $hours: Int) { decideAccessRequest(id: $id, grant: $grant, hours: $hours) { ${errorFields} } }`;
const Acknowledge = `mutation Worklist_Acknowledge($id: ID!) { acknowledgeInvolvementNotice(id: $id) { ${errorFields} } }`;

const REFUSAL_REASONS = ['NO_CAPACITY', 'NOT_ELIGIBLE', 'OUTSIDE_REGION', 'BEHAVIOUR_SAFETY', 'NO_RESIDENCE_PERMIT', 'HOUSEHOLD_COMPOSITION', 'CONTRA_INDICATION', 'TOO_LIGHT', 'OTHER'];
const WAITING_LIST_OUTCOMES = ['PLACED', 'REFERRED_ELSEWHERE', 'WITHDRAWN', 'LOST_CONTACT', 'UNKNOWN'];
const today = () => new Date().toISOString().slice(0, 10);

type Answer = { __typename: string; code?: string; message?: string; fields?: { path: string[]; message: string }[] } | null | undefined;

/** Runs a mutation and turns its typed answer into done, or an error to show. */
function useAction(document: string, field: string, onDone: () => void) {
  const [state, run] = useMutation(document);
  const [problem, setProblem] = useState<Answer>(null);
  async function submit(variables: Record<string, unknown>) {
    const result = await run(variables);
    const answer: Answer = result.data?.[field] ?? { __typename: 'Error', code: 'INTERNAL', message: result.error?.message };
    if (answer?.code) setProblem(answer);
    else onDone();
  }
  return { submit, busy: state.fetching, problem };
}

function Problem({ answer }: { answer: Answer }) {
  if (!answer?.code) return null;
  return <ErrorAlert code={answer.code} message={answer.fields?.map((f) => `${f.path.at(-1)}: ${f.message}`).join('; ') ?? answer.message} />;
}

function ActionForm({ label, onSubmit, children }: { label: string; onSubmit: () => void; children: ReactNode }) {
  return (
    <form aria-label={label} onSubmit={(e: FormEvent) => { e.preventDefault(); onSubmit(); }}>
      {children}
    </form>
  );
}

export function WorklistAction({ item, onDone }: { item: WorklistItem; onDone: () => void }) {
  switch (item.action) {
    case 'ANSWER_REFERRAL':
      return <AnswerReferral item={item} onDone={onDone} />;
    case 'PROVIDE_INFO':
      return <ProvideInfo item={item} onDone={onDone} />;
    case 'RECORD_STEP':
    case 'RECORD_OUTCOME':
      return <RecordOwedStep item={item} onDone={onDone} />;
    case 'DECIDE_ACCESS':
      return <DecideAccess item={item} onDone={onDone} />;
    case 'ACKNOWLEDGE':
      return <AcknowledgeNotice item={item} onDone={onDone} />;
    default:
      return null;
  }
}

function AnswerReferral({ item, onDone }: { item: WorklistItem; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [answer, setAnswer] = useState<'ACCEPT' | 'REFUSE' | 'ASK'>('ACCEPT');
  const [reason, setReason] = useState('');
  const [alternative, setAlternative] = useState('');
  const [question, setQuestion] = useState('');
  const accept = useAction(Accept, 'acceptReferral', onDone);
  const refuse = useAction(Refuse, 'refuseReferral', onDone);
  const ask = useAction(AskInfo, 'requestReferralInfo', onDone);
  const current = answer === 'ACCEPT' ? accept : answer === 'REFUSE' ? refuse : ask;
  const submit = () => {
    if (answer === 'ACCEPT') void accept.submit({ id: item.subjectId, on: today() });
    else if (answer === 'REFUSE') void refuse.submit({ id: item.subjectId, on: today(), reason, text: alternative || null });
    else void ask.submit({ id: item.subjectId, on: today(), message: question });
  };
  return (
    <ActionForm label={t('worklist.forms.answerReferral')} onSubmit={submit}>
      {item.referral && <Paragraph>{t('worklist.forms.purpose', { purpose: item.referral.purpose })}</Paragraph>}
      <FormField>
        <FormLabel htmlFor={`${id}-answer`}>{t('worklist.forms.answer')}</FormLabel>
        <Select id={`${id}-answer`} value={answer} onChange={(e) => setAnswer(e.target.value as typeof answer)}>
          <SelectOption value="ACCEPT">{t('worklist.forms.accept')}</SelectOption>
          <SelectOption value="REFUSE">{t('worklist.forms.refuse')}</SelectOption>
          <SelectOption value="ASK">{t('worklist.forms.ask')}</SelectOption>
        </Select>
      </FormField>
      {answer === 'REFUSE' && (
        <>
          <FormField>
            <FormLabel htmlFor={`${id}-reason`}>{t('worklist.forms.reason')}</FormLabel>
            <Select id={`${id}-reason`} value={reason} required onChange={(e) => setReason(e.target.value)}>
              <SelectOption value="">{t('chainSteps.choose')}</SelectOption>
              {REFUSAL_REASONS.map((r) => <SelectOption key={r} value={r}>{t(`reasons.${r}`)}</SelectOption>)}
            </Select>
          </FormField>
          <FormFieldTextbox label={t('worklist.forms.alternative')} description={t('worklist.forms.alternativeHint')} name="alternative" required value={alternative} onChange={(e) => setAlternative((e.target as HTMLInputElement).value)} />
        </>
      )}
      {answer === 'ASK' && (
        <FormFieldTextbox label={t('worklist.forms.question')} description={t('nextStep.noteHint')} name="question" required value={question} onChange={(e) => setQuestion((e.target as HTMLInputElement).value)} />
      )}
      <Problem answer={current.problem} />
      <Button type="submit" appearance="primary-action-button" disabled={current.busy}>{t('worklist.forms.send')}</Button>
    </ActionForm>
  );
}

function ProvideInfo({ item, onDone }: { item: WorklistItem; onDone: () => void }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const give = useAction(GiveInfo, 'provideReferralInfo', onDone);
  return (
    <ActionForm label={t('worklist.forms.provideInfo')} onSubmit={() => void give.submit({ id: item.subjectId, on: today(), message })}>
      <Paragraph>{t('worklist.questionFrom', { agency: item.otherAgency?.name ?? '—', question: item.detail ?? '' })}</Paragraph>
      <FormFieldTextbox label={t('worklist.forms.information')} description={t('nextStep.noteHint')} name="information" required value={message} onChange={(e) => setMessage((e.target as HTMLInputElement).value)} />
      <Problem answer={give.problem} />
      <Button type="submit" appearance="primary-action-button" disabled={give.busy}>{t('worklist.forms.send')}</Button>
    </ActionForm>
  );
}

/** The step a gap asks of the agency (an interim report, feedback, contact), or a shelter's outcome for a case. */
function RecordOwedStep({ item, onDone }: { item: WorklistItem; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const shelter = item.action === 'RECORD_OUTCOME';
  const choices = !shelter
    ? [item.stepKind ?? 'CONTACT']
    : item.kind === 'SHELTER_APPLICATION' ? ['PLACEMENT', 'WAITING_LIST_ENTRY', 'REFUSAL'] : ['PLACEMENT', 'WAITING_LIST_EXIT'];
  const [kind, setKind] = useState(choices[0]!);
  const [occurredOn, setOccurredOn] = useState(today());
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState('');
  const [note, setNote] = useState('');
  const record = useAction(RecordStep, 'recordEvent', onDone);
  const submit = () =>
    void record.submit({
      input: {
        householdId: item.household?.id,
        kind,
        occurredOn,
        note: note || null,
        ...(shelter ? { facilityId: item.facility?.id } : {}),
        ...(kind === 'REFUSAL' ? { refusalReason: reason } : {}),
        ...(kind === 'WAITING_LIST_EXIT' ? { waitingListOutcome: outcome } : {}),
      },
    });
  return (
    <ActionForm label={t('worklist.forms.recordStep')} onSubmit={submit}>
      <FormField>
        <FormLabel htmlFor={`${id}-kind`}>{t('nextStep.kind')}</FormLabel>
        <Select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value)}>
          {choices.map((k) => <SelectOption key={k} value={k}>{t(`events.${k}`)}</SelectOption>)}
        </Select>
      </FormField>
      {kind === 'REFUSAL' && (
        <FormField>
          <FormLabel htmlFor={`${id}-reason`}>{t('worklist.forms.reason')}</FormLabel>
          <Select id={`${id}-reason`} value={reason} required onChange={(e) => setReason(e.target.value)}>
            <SelectOption value="">{t('chainSteps.choose')}</SelectOption>
            {REFUSAL_REASONS.map((r) => <SelectOption key={r} value={r}>{t(`reasons.${r}`)}</SelectOption>)}
          </Select>
        </FormField>
      )}
      {kind === 'WAITING_LIST_EXIT' && (
        <FormField>
          <FormLabel htmlFor={`${id}-outcome`}>{t('worklist.forms.outcome')}</FormLabel>
          <Select id={`${id}-outcome`} value={outcome} required onChange={(e) => setOutcome(e.target.value)}>
            <SelectOption value="">{t('chainSteps.choose')}</SelectOption>
            {WAITING_LIST_OUTCOMES.map((o) => <SelectOption key={o} value={o}>{t(`worklist.outcomes.${o}`)}</SelectOption>)}
          </Select>
        </FormField>
      )}
      <FormFieldTextbox label={t('nextStep.date')} name="occurredOn" type="date" required value={occurredOn} onChange={(e) => setOccurredOn((e.target as HTMLInputElement).value)} />
      <FormFieldTextbox label={t('nextStep.note')} description={t('nextStep.noteHint')} name="note" value={note} onChange={(e) => setNote((e.target as HTMLInputElement).value)} />
      <Problem answer={record.problem} />
      <Button type="submit" appearance="primary-action-button" disabled={record.busy}>{t('nextStep.submit')}</Button>
    </ActionForm>
  );
}

function DecideAccess({ item, onDone }: { item: WorklistItem; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [hours, setHours] = useState('24');
  const decide = useAction(Decide, 'decideAccessRequest', onDone);
  return (
    <ActionForm label={t('worklist.forms.decideAccess')} onSubmit={() => void decide.submit({ id: item.subjectId, grant: true, hours: Number(hours) })}>
      <Paragraph>{t('worklist.accessRequestBy', { agency: item.otherAgency?.name ?? '—', reason: item.detail ?? '' })}</Paragraph>
      <Paragraph>{t('worklist.forms.grantExplained')}</Paragraph>
      <FormField>
        <FormLabel htmlFor={`${id}-hours`}>{t('worklist.forms.hours')}</FormLabel>
        <Select id={`${id}-hours`} value={hours} onChange={(e) => setHours(e.target.value)}>
          {['4', '24', '72'].map((h) => <SelectOption key={h} value={h}>{t('worklist.forms.hoursOption', { count: Number(h) })}</SelectOption>)}
        </Select>
      </FormField>
      <Problem answer={decide.problem} />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" disabled={decide.busy}>{t('worklist.forms.grant')}</Button>
        <Button type="button" appearance="secondary-action-button" disabled={decide.busy} onClick={() => void decide.submit({ id: item.subjectId, grant: false })}>{t('worklist.forms.decline')}</Button>
      </ButtonGroup>
    </ActionForm>
  );
}

function AcknowledgeNotice({ item, onDone }: { item: WorklistItem; onDone: () => void }) {
  const { t } = useTranslation();
  const acknowledge = useAction(Acknowledge, 'acknowledgeInvolvementNotice', onDone);
  return (
    <ActionForm label={t('worklist.forms.acknowledge')} onSubmit={() => void acknowledge.submit({ id: item.subjectId })}>
      <Alert type="info">
        <Paragraph>{t('worklist.involvementExplained', { agency: item.otherAgency?.name ?? '—' })}</Paragraph>
      </Alert>
      <Problem answer={acknowledge.problem} />
      <Button type="submit" appearance="primary-action-button" disabled={acknowledge.busy}>{t('worklist.forms.markRead')}</Button>
    </ActionForm>
  );
}
