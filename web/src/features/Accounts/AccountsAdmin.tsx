// Account administration for administrators: the accounts with their role and scope, a form for a new account
// and a button to switch one off or on. The API checks every rule; this page only shows its answers.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import {
  Alert,
  Button,
  ButtonGroup,
  Heading,
  Paragraph,
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
import { oneOf, roles } from '../../forms/choices';
import { hasProblems, missingRequired, ProblemFields, problemsOfAnswer, problemsOfError, problemText } from '../../forms/problems';
import { useForm } from '../../forms/useForm';
import { graphql, type EnumOf, type ResultOf } from '../../graphql';
import { ErrorAlert, Loading } from '../../layout/States';
import { useSession } from '../../session';

export const AccountsQuery = graphql(`
  query Accounts_List {
    accounts(first: 100) {
      edges {
        node {
          id
          username
          role
          active
          agency {
            name
          }
          centrumgemeente {
            name
          }
        }
      }
    }
  }
`);
const CreateAccount = graphql(
  `
    mutation Accounts_Create($input: CreateAccountInput!) {
      createAccount(input: $input) {
        __typename
        ... on Account {
          id
          username
        }
        ...ProblemFields
      }
    }
  `,
  [ProblemFields],
);
const SetActive = graphql(
  `
    mutation Accounts_SetActive($id: ID!, $active: Boolean!) {
      setAccountActive(id: $id, active: $active) {
        __typename
        ... on Account {
          id
          active
        }
        ...ProblemFields
      }
    }
  `,
  [ProblemFields],
);
const RegionsQuery = graphql(`
  query Accounts_Regions {
    centrumgemeenten {
      id
      name
    }
  }
`);
/** Which scope each role has: an agency, a region, or neither (the API checks the same rule). */
const SCOPE: Record<EnumOf<'Role'>, 'agency' | 'region' | null> = {
  COORDINATOR: 'region',
  AGENCY_WORKER: 'agency',
  SHELTER_STAFF: 'agency',
  POLICY_MAKER: null,
  ADMIN: null,
};

type AccountRow = ResultOf<typeof AccountsQuery>['accounts']['edges'][number]['node'];

export function AccountsAdmin() {
  const { t } = useTranslation();
  const { viewer } = useSession();
  const [{ data, fetching, error }, refetch] = useQuery({ query: AccountsQuery });
  const [, setActive] = useMutation(SetActive);
  const [toggleProblem, setToggleProblem] = useState<string | null>(null);
  /** Switching an account off ends its sessions at once: the button asks first. */
  const [confirming, setConfirming] = useState<string | null>(null);
  // The button that asked goes away as the question appears: focus moves to the question (else it falls to the
  // page body), and back to that account's button when the question is answered with no.
  const [returnFocusTo, setReturnFocusTo] = useState<string | null>(null);
  useEffect(
    function focusConfirmation() {
      if (confirming) document.getElementById(`confirm-${confirming}`)?.focus();
      else if (returnFocusTo) document.getElementById(`switch-${returnFocusTo}`)?.focus();
    },
    [confirming, returnFocusTo],
  );
  if (fetching && !data) return <Loading />;
  if (error) return <ErrorAlert error={error} />;
  const accounts = data?.accounts.edges.map((e) => e.node) ?? [];

  async function toggle(account: AccountRow) {
    setReturnFocusTo(null);
    setConfirming(null);
    const result = await setActive({ id: account.id, active: !account.active });
    const answer = result.data?.setAccountActive;
    const problems = answer ? problemsOfAnswer(answer, []) : problemsOfError(result.error);
    setToggleProblem(problems['']?.[0] ? problemText(t, problems[''][0]) : null);
    refetch({ requestPolicy: 'network-only' });
  }

  return (
    <section aria-labelledby="accounts-heading">
      <Heading level={3} id="accounts-heading">
        {t('accounts.title')}
      </Heading>
      {toggleProblem && (
        <Alert type="error">
          <Paragraph>{toggleProblem}</Paragraph>
        </Alert>
      )}
      <div className="kk-table-scroll">
        <Table>
          <TableCaption>{t('accounts.caption')}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('accounts.username')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('accounts.role')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('accounts.scope')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('accounts.status')}</TableHeaderCell>
              <TableHeaderCell scope="col">
                <span className="kk-visually-hidden">{t('accounts.action')}</span>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {accounts.map((a) => (
              <TableRow key={a.id}>
                <TableCell>{a.username}</TableCell>
                <TableCell>{t(`roles.${a.role}`)}</TableCell>
                <TableCell>{a.agency?.name ?? a.centrumgemeente?.name ?? '–'}</TableCell>
                <TableCell>{a.active ? t('accounts.on') : t('accounts.off')}</TableCell>
                <TableCell>
                  {a.id !== viewer?.accountId && confirming !== a.id && (
                    <Button
                      id={`switch-${a.id}`}
                      appearance="secondary-action-button"
                      onClick={() => (a.active ? setConfirming(a.id) : void toggle(a))}
                    >
                      {a.active ? t('accounts.switchOff', { username: a.username }) : t('accounts.switchOn', { username: a.username })}
                    </Button>
                  )}
                  {confirming === a.id && (
                    <div
                      role="group"
                      id={`confirm-${a.id}`}
                      tabIndex={-1}
                      aria-label={t('accounts.confirmLabel', { username: a.username })}
                      className="kk-confirm"
                    >
                      <Paragraph>{t('accounts.confirm', { username: a.username })}</Paragraph>
                      <ButtonGroup>
                        <Button appearance="primary-action-button" onClick={() => void toggle(a)}>
                          {t('accounts.confirmYes', { username: a.username })}
                        </Button>
                        <Button
                          appearance="secondary-action-button"
                          onClick={() => {
                            setReturnFocusTo(a.id);
                            setConfirming(null);
                          }}
                        >
                          {t('accounts.confirmNo')}
                        </Button>
                      </ButtonGroup>
                    </div>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <NewAccountForm onCreated={() => refetch({ requestPolicy: 'network-only' })} />
    </section>
  );
}

function NewAccountForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const [, create] = useMutation(CreateAccount);
  const [{ data: regions }] = useQuery({ query: RegionsQuery });
  const form = useForm('new-account', { username: '', password: '', role: '', agencyId: '', centrumgemeenteId: '' });
  const [created, setCreated] = useState(false);
  const role = oneOf(roles, form.values.role);
  const scope = role ? SCOPE[role] : null;
  const labels = {
    username: t('accounts.username'),
    password: t('accounts.password'),
    role: t('accounts.role'),
    agencyId: t('accounts.agency'),
    centrumgemeenteId: t('accounts.region'),
  };
  /** A new role keeps no scope of the old one: a hidden agency would make the API refuse the account. */
  const chooseRole = (role: string) => form.setValues({ ...form.values, role, agencyId: '', centrumgemeenteId: '' });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setCreated(false);
    const missing = missingRequired(form.values, [
      'username',
      'password',
      'role',
      ...(scope === 'agency' ? ['agencyId'] : scope === 'region' ? ['centrumgemeenteId'] : []),
    ]);
    form.setProblems(missing);
    if (hasProblems(missing) || !role) return;
    const { agencyId, centrumgemeenteId, ...rest } = form.values;
    const result = await create({
      input: {
        ...rest,
        role,
        agencyId: scope === 'agency' ? agencyId : null,
        centrumgemeenteId: scope === 'region' ? centrumgemeenteId : null,
      },
    });
    const answer = result.data?.createAccount;
    if (!answer) return form.setProblems(problemsOfError(result.error));
    form.setProblems(problemsOfAnswer(answer, Object.keys(labels)));
    if (answer.__typename === 'Account') {
      form.setValues({ username: '', password: '', role: form.values.role, agencyId: '', centrumgemeenteId: '' });
      setCreated(true);
      onCreated();
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="new-account-heading" noValidate>
      <Heading level={4} id="new-account-heading">
        {t('accounts.new')}
      </Heading>
      <ErrorSummary problems={form.problems} labels={labels} idOf={form.idOf} />
      <FormField label={labels.username} description={t('accounts.usernameHint')} autoComplete="off" required {...form.field('username')} />
      <FormField
        control="password"
        label={labels.password}
        autoComplete="new-password"
        description={t('accounts.passwordHint')}
        required
        {...form.field('password')}
      />
      <FormField
        control="select"
        label={labels.role}
        required
        options={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        {...form.field('role')}
        onChange={chooseRole}
      />
      {scope === 'region' && (
        <FormField
          control="select"
          label={labels.centrumgemeenteId}
          required
          options={(regions?.centrumgemeenten ?? []).map((r) => ({ value: r.id, label: r.name }))}
          {...form.field('centrumgemeenteId')}
        />
      )}
      {scope === 'agency' && <AgencyPicker label={labels.agencyId} required {...form.field('agencyId')} />}
      <Button type="submit" appearance="primary-action-button">
        {t('accounts.create')}
      </Button>
      {created && (
        <Alert type="ok" role="status">
          <Paragraph>{t('accounts.created')}</Paragraph>
        </Alert>
      )}
    </form>
  );
}
