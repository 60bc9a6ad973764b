// The one form each worklist item opens: answer a referral, give the information asked for, record the step owed,
// decide on a request for access, acknowledge a notice, or record a shelter outcome. The API checks who may do what.
import { type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, type AnyVariables, type DocumentInput } from 'urql';
import { Alert, Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { FormField } from '../../forms/FormField';
import { oneOf, recordableEventKinds, refusalReasons, waitingListOutcomes } from '../../forms/choices';
import { hasProblems, missingRequired, ProblemFields, type MutationAnswer } from '../../forms/problems';
import { submitted } from '../../forms/submit';
import { useForm } from '../../forms/useForm';
import { graphql, type EnumOf, type ResultOf } from '../../graphql';
import { today } from '../../days';

/** What the worklist shows of an item and what its form needs. */
export const WorklistItemFields = graphql(`
  fragment WorklistItemFields on WorklistItem @_unmask {
    id
    kind
    subjectId
    restricted
    dueOn
    openSince
    overdue
    severity
    rule
    action
    stepKind
    detail
    household {
      id
      reference
    }
    owedBy {
      id
      name
    }
    otherAgency {
      id
      name
      type
    }
    facility {
      id
      name
    }
    referral {
      id
      status
      purpose
      refusalReason
      refusalText
      infoQuestion
    }
  }
`);

export type WorklistItem = ResultOf<typeof WorklistItemFields>;

const Accept = graphql(
  `
    mutation Worklist_Accept($id: ID!, $on: Date!) {
      acceptReferral(id: $id, on: $on) {
        __typename
        ...ProblemFields
      }
    }
  `,
  [ProblemFields],
);
const Refuse = graphql(
  `
    mutation Worklist_Refuse($id: ID!, $on: Date!, $reason: RefusalReason!, $text: String) {
      refuseReferral(id: $id, on: $on, refusalReason: $reason, refusalText: $text) {
        __typename
        ...ProblemFields
      }
    }
  `,
  [ProblemFields],
);
const AskInfo = graphql(
  `
    mutation Worklist_AskInfo($id: ID!, $on: Date!, $message: String!) {
      requestReferralInfo(id: $id, on: $on, message: $message) {
        __typename
        ...ProblemFields
      }
    }
  `,
  [ProblemFields],
);
const GiveInfo = graphql(
  `
    mutation Worklist_GiveInfo($id: ID!, $on: Date!, $message: String!) {
      provideReferralInfo(id: $id, on: $on, message: $message) {
        __typename
        ...ProblemFields
      }
    }
  `,
  [ProblemFields],
);
const RecordStep = graphql(
  `
    mutation Worklist_RecordStep($input: RecordEventInput!) {
      recordEvent(input: $input) {
        __typename
        ...ProblemFields
      }
    }
  `,
  [ProblemFields],
);
const Decide = graphql(
  `
    mutation Worklist_DecideAccess($id: ID!, $grant: Boolean!, $hours: Int) {
      decideAccessRequest(id: $id, grant: $grant, hours: $hours) {
        __typename
        ...ProblemFields
      }
    }
  `,
  [ProblemFields],
);
const Acknowledge = graphql(
  `
    mutation Worklist_Acknowledge($id: ID!) {
      acknowledgeInvolvementNotice(id: $id) {
        __typename
        ...ProblemFields
      }
    }
  `,
  [ProblemFields],
);

/**
 * A mutation whose answer is put at the form's fields; after a done step, onDone. `apiNames` says which form field
 * an argument of the API is (refusalReason is the form's reason, say).
 */
function useAction<Field extends string, Data extends Record<Field, MutationAnswer>, Variables extends AnyVariables>(
  document: DocumentInput<Data, Variables>,
  field: Field,
  onDone: () => void,
  apiNames: Record<string, string> = {},
) {
  const [state, run] = useMutation(document);
  const fieldOf = (path: string[]) =>
    [...path]
      .reverse()
      .map((segment) => apiNames[segment])
      .find(Boolean);
  async function send(form: Parameters<typeof submitted>[0], fields: readonly string[], variables: Variables) {
    const done = await submitted(
      form,
      fields,
      async () => {
        const result = await run(variables);
        return { answer: result.data?.[field], error: result.error };
      },
      fieldOf,
    );
    if (done) onDone();
  }
  return { send, busy: state.fetching };
}

/** Ids of a form's fields start with the item's id, kept to letters, digits, - and _ so that links to them work. */
const formIdOf = (item: WorklistItem) => `worklist-${item.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/** A worklist form: the problems first (they take focus), then its fields; checks required fields itself. */
function ActionForm({ label, onSubmit, children }: { label: string; onSubmit: () => void; children: ReactNode }) {
  return (
    <form
      aria-label={label}
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        onSubmit();
      }}
    >
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
  // No answer is chosen for the worker: accepting a referral must be a choice, never a default left in place.
  const form = useForm(formIdOf(item), { answer: '', reason: '', alternative: '', question: '' });
  const accept = useAction(Accept, 'acceptReferral', onDone);
  const refuse = useAction(Refuse, 'refuseReferral', onDone, { refusalReason: 'reason', refusalText: 'alternative' });
  const ask = useAction(AskInfo, 'requestReferralInfo', onDone, { message: 'question' });
  const { answer, reason, alternative, question } = form.values;
  const labels = {
    answer: t('worklist.forms.answer'),
    reason: t('worklist.forms.reason'),
    alternative: t('worklist.forms.alternative'),
    question: t('worklist.forms.question'),
  };
  const fields = Object.keys(labels);
  const submit = () => {
    const missing = missingRequired(
      form.values,
      answer === 'REFUSE' ? ['answer', 'reason', 'alternative'] : answer === 'ASK' ? ['answer', 'question'] : ['answer'],
    );
    form.setProblems(missing);
    if (hasProblems(missing)) return;
    if (answer === 'ACCEPT') void accept.send(form, fields, { id: item.subjectId, on: today() });
    else if (answer === 'REFUSE') {
      const refusalReason = oneOf(refusalReasons, reason);
      if (refusalReason) void refuse.send(form, fields, { id: item.subjectId, on: today(), reason: refusalReason, text: alternative });
    } else void ask.send(form, fields, { id: item.subjectId, on: today(), message: question });
  };
  const busy = accept.busy || refuse.busy || ask.busy;
  return (
    <ActionForm label={t('worklist.forms.answerReferral')} onSubmit={submit}>
      <ErrorSummary problems={form.problems} labels={labels} idOf={form.idOf} />
      {item.referral && <Paragraph>{t('worklist.forms.purpose', { purpose: item.referral.purpose })}</Paragraph>}
      <FormField
        control="select"
        label={labels.answer}
        required
        options={[
          { value: 'ACCEPT', label: t('worklist.forms.accept') },
          { value: 'REFUSE', label: t('worklist.forms.refuse') },
          { value: 'ASK', label: t('worklist.forms.ask') },
        ]}
        {...form.field('answer')}
      />
      {answer === 'REFUSE' && (
        <>
          <FormField
            control="select"
            label={labels.reason}
            required
            options={refusalReasons.map((r) => ({ value: r, label: t(`reasons.${r}`) }))}
            {...form.field('reason')}
          />
          <FormField
            control="text"
            label={labels.alternative}
            description={t('worklist.forms.alternativeHint')}
            required
            {...form.field('alternative')}
          />
        </>
      )}
      {answer === 'ASK' && (
        <FormField control="textarea" label={labels.question} description={t('nextStep.noteHint')} required {...form.field('question')} />
      )}
      <Button type="submit" appearance="primary-action-button" disabled={busy}>
        {t('worklist.forms.send')}
      </Button>
    </ActionForm>
  );
}

function ProvideInfo({ item, onDone }: { item: WorklistItem; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm(formIdOf(item), { information: '' });
  const give = useAction(GiveInfo, 'provideReferralInfo', onDone, { message: 'information' });
  const labels = { information: t('worklist.forms.information') };
  const submit = () => {
    const missing = missingRequired(form.values, ['information']);
    form.setProblems(missing);
    if (!hasProblems(missing)) void give.send(form, ['information'], { id: item.subjectId, on: today(), message: form.values.information });
  };
  return (
    <ActionForm label={t('worklist.forms.provideInfo')} onSubmit={submit}>
      <ErrorSummary problems={form.problems} labels={labels} idOf={form.idOf} />
      <Paragraph>{t('worklist.questionFrom', { agency: item.otherAgency?.name ?? '—', question: item.detail ?? '' })}</Paragraph>
      <FormField
        control="textarea"
        label={labels.information}
        description={t('nextStep.noteHint')}
        required
        {...form.field('information')}
      />
      <Button type="submit" appearance="primary-action-button" disabled={give.busy}>
        {t('worklist.forms.send')}
      </Button>
    </ActionForm>
  );
}

/** The step a gap asks of the agency (an interim report, feedback, contact), or a shelter's outcome for a case. */
function RecordOwedStep({ item, onDone }: { item: WorklistItem; onDone: () => void }) {
  const { t } = useTranslation();
  const shelter = item.action === 'RECORD_OUTCOME';
  const choices: readonly EnumOf<'RecordableEventKind'>[] = !shelter
    ? [oneOf(recordableEventKinds, item.stepKind) ?? 'CONTACT']
    : item.kind === 'SHELTER_APPLICATION'
      ? ['PLACEMENT', 'WAITING_LIST_ENTRY', 'REFUSAL']
      : ['PLACEMENT', 'WAITING_LIST_EXIT'];
  const form = useForm(formIdOf(item), { kind: choices[0]!, reason: '', outcome: '', occurredOn: today(), note: '' });
  const record = useAction(RecordStep, 'recordEvent', onDone, { refusalReason: 'reason', waitingListOutcome: 'outcome' });
  const { kind, reason, outcome, occurredOn, note } = form.values;
  const labels = {
    kind: t('nextStep.kind'),
    reason: t('worklist.forms.reason'),
    outcome: t('worklist.forms.outcome'),
    occurredOn: t('nextStep.date'),
    note: t('nextStep.note'),
  };
  const fields = Object.keys(labels);
  const submit = () => {
    const missing = missingRequired(form.values, [
      'kind',
      'occurredOn',
      ...(kind === 'REFUSAL' ? ['reason'] : []),
      ...(kind === 'WAITING_LIST_EXIT' ? ['outcome'] : []),
    ]);
    form.setProblems(missing);
    const stepKind = oneOf(choices, kind);
    if (hasProblems(missing) || !stepKind) return;
    void record.send(form, fields, {
      input: {
        // A worklist item without its household is one the viewer may not read: the API refuses it by id.
        householdId: item.household?.id ?? '',
        kind: stepKind,
        occurredOn,
        note: note || null,
        ...(shelter ? { facilityId: item.facility?.id } : {}),
        ...(kind === 'REFUSAL' ? { refusalReason: oneOf(refusalReasons, reason) } : {}),
        ...(kind === 'WAITING_LIST_EXIT' ? { waitingListOutcome: oneOf(waitingListOutcomes, outcome) } : {}),
      },
    });
  };
  return (
    <ActionForm label={t('worklist.forms.recordStep')} onSubmit={submit}>
      <ErrorSummary problems={form.problems} labels={labels} idOf={form.idOf} />
      <FormField
        control="select"
        label={labels.kind}
        required
        options={choices.map((k) => ({ value: k, label: t(`events.${k}`) }))}
        {...form.field('kind')}
      />
      {kind === 'REFUSAL' && (
        <FormField
          control="select"
          label={labels.reason}
          required
          options={refusalReasons.map((r) => ({ value: r, label: t(`reasons.${r}`) }))}
          {...form.field('reason')}
        />
      )}
      {kind === 'WAITING_LIST_EXIT' && (
        <FormField
          control="select"
          label={labels.outcome}
          required
          options={waitingListOutcomes.map((o) => ({ value: o, label: t(`worklist.outcomes.${o}`) }))}
          {...form.field('outcome')}
        />
      )}
      <FormField control="date" label={labels.occurredOn} required {...form.field('occurredOn')} />
      <FormField control="text" label={labels.note} description={t('nextStep.noteHint')} {...form.field('note')} />
      <Button type="submit" appearance="primary-action-button" disabled={record.busy}>
        {t('nextStep.submit')}
      </Button>
    </ActionForm>
  );
}

function DecideAccess({ item, onDone }: { item: WorklistItem; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm(formIdOf(item), { hours: '24' });
  const decide = useAction(Decide, 'decideAccessRequest', onDone);
  const labels = { hours: t('worklist.forms.hours') };
  const grant = () => {
    const missing = missingRequired(form.values, ['hours']);
    form.setProblems(missing);
    if (!hasProblems(missing)) void decide.send(form, ['hours'], { id: item.subjectId, grant: true, hours: Number(form.values.hours) });
  };
  return (
    <ActionForm label={t('worklist.forms.decideAccess')} onSubmit={grant}>
      <ErrorSummary problems={form.problems} labels={labels} idOf={form.idOf} />
      <Paragraph>{t('worklist.accessRequestBy', { agency: item.otherAgency?.name ?? '—', reason: item.detail ?? '' })}</Paragraph>
      <Paragraph>{t('worklist.forms.grantExplained')}</Paragraph>
      <FormField
        control="select"
        label={labels.hours}
        required
        options={['4', '24', '72'].map((h) => ({ value: h, label: t('worklist.forms.hoursOption', { count: Number(h) }) }))}
        {...form.field('hours')}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" disabled={decide.busy}>
          {t('worklist.forms.grant')}
        </Button>
        <Button
          type="button"
          appearance="secondary-action-button"
          disabled={decide.busy}
          onClick={() => void decide.send(form, [], { id: item.subjectId, grant: false })}
        >
          {t('worklist.forms.decline')}
        </Button>
      </ButtonGroup>
    </ActionForm>
  );
}

function AcknowledgeNotice({ item, onDone }: { item: WorklistItem; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm(formIdOf(item), {});
  const acknowledge = useAction(Acknowledge, 'acknowledgeInvolvementNotice', onDone);
  return (
    <ActionForm label={t('worklist.forms.acknowledge')} onSubmit={() => void acknowledge.send(form, [], { id: item.subjectId })}>
      <ErrorSummary problems={form.problems} labels={{}} idOf={form.idOf} />
      <Alert type="info">
        <Paragraph>{t('worklist.involvementExplained', { agency: item.otherAgency?.name ?? '—' })}</Paragraph>
      </Alert>
      <Button type="submit" appearance="primary-action-button" disabled={acknowledge.busy}>
        {t('worklist.forms.markRead')}
      </Button>
    </ActionForm>
  );
}
