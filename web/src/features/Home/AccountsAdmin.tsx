// Account administration for administrators: the accounts with their role and scope, a form for a new account
// and a button to switch one off or on. The API checks every rule; this page only shows its answers.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import {
  Alert, Button, FormField, FormFieldTextbox, FormLabel, Heading, Paragraph, Select, SelectOption,
  Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { ErrorAlert, Loading } from '../../layout/States';
import { useSession } from '../../session';

const AccountsQuery = `query Admin_Accounts { accounts(first: 100) { edges { node { id username role active agency { name } centrumgemeente { name } } } } }`;
const CreateAccount = `mutation Admin_CreateAccount($input: CreateAccountInput!) { createAccount(input: $input) {
  __typename ... on Account { id username } ... on ValidationError { code fields { path message } } ... on Error { code message } } }`;
const SetActive = `mutation Admin_SetActive($id: ID!, $active: Boolean!) { setAccountActive(id: $id, active: $active) {
  __typename ... on Account { id active } ... on Error { code message } } }`;
const ROLES = ['COORDINATOR', 'AGENCY_WORKER', 'SHELTER_STAFF', 'POLICY_MAKER', 'ADMIN'];

interface AccountRow { id: string; username: string; role: string; active: boolean; agency: { name: string } | null; centrumgemeente: { name: string } | null }
type Outcome = { __typename: string; code?: string; message?: string; fields?: { path: string[]; message: string }[] } | null;

export function AccountsAdmin() {
  const { t } = useTranslation();
  const { viewer } = useSession();
  const [{ data, fetching, error }, refetch] = useQuery<{ accounts: { edges: { node: AccountRow }[] } }>({ query: AccountsQuery });
  const [, setActive] = useMutation(SetActive);
  const [toggleOutcome, setToggleOutcome] = useState<Outcome>(null);
  if (fetching && !data) return <Loading />;
  if (error) return <ErrorAlert error={error} />;
  const accounts = data?.accounts.edges.map((e) => e.node) ?? [];

  async function toggle(account: AccountRow) {
    const result = await setActive({ id: account.id, active: !account.active });
    const outcome = result.data?.setAccountActive ?? { __typename: 'Error', code: 'INTERNAL' };
    setToggleOutcome(outcome.__typename === 'Account' ? null : outcome);
    refetch({ requestPolicy: 'network-only' });
  }

  return (
    <section aria-labelledby="accounts-heading">
      <Heading level={3} id="accounts-heading">{t('accounts.title')}</Heading>
      {toggleOutcome && <ErrorAlert code={toggleOutcome.code} message={toggleOutcome.message} />}
      <div className="kk-table-scroll">
        <Table>
          <TableCaption>{t('accounts.caption')}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('accounts.username')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('accounts.role')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('accounts.scope')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('accounts.status')}</TableHeaderCell>
              <TableHeaderCell scope="col"><span className="kk-visually-hidden">{t('accounts.action')}</span></TableHeaderCell>
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
                  {a.id !== viewer?.accountId && (
                    <Button appearance="secondary-action-button" onClick={() => void toggle(a)}>
                      {a.active ? t('accounts.switchOff', { username: a.username }) : t('accounts.switchOn', { username: a.username })}
                    </Button>
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
  const [input, setInput] = useState({ username: '', password: '', role: 'COORDINATOR', agencyId: '', centrumgemeenteId: '' });
  const [outcome, setOutcome] = useState<Outcome>(null);
  const set = (field: keyof typeof input) => (e: { target: unknown }) => setInput({ ...input, [field]: (e.target as HTMLInputElement).value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await create({ input: { ...input, agencyId: input.agencyId || null, centrumgemeenteId: input.centrumgemeenteId || null } });
    const answer = result.data?.createAccount ?? { __typename: 'Error', code: 'INTERNAL' };
    setOutcome(answer);
    if (answer.__typename === 'Account') {
      setInput({ username: '', password: '', role: input.role, agencyId: '', centrumgemeenteId: '' });
      onCreated();
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="new-account-heading">
      <Heading level={4} id="new-account-heading">{t('accounts.new')}</Heading>
      <FormFieldTextbox label={t('accounts.username')} name="username" required value={input.username} onChange={set('username')} />
      <FormFieldTextbox label={t('accounts.password')} name="password" type="password" autoComplete="new-password" description={t('accounts.passwordHint')} required value={input.password} onChange={set('password')} />
      <FormField>
        <FormLabel htmlFor="new-account-role">{t('accounts.role')}</FormLabel>
        <Select id="new-account-role" value={input.role} onChange={set('role')}>
          {ROLES.map((role) => <SelectOption key={role} value={role}>{t(`roles.${role}`)}</SelectOption>)}
        </Select>
      </FormField>
      {input.role === 'COORDINATOR' && <FormFieldTextbox label={t('accounts.region')} name="centrumgemeenteId" required value={input.centrumgemeenteId} onChange={set('centrumgemeenteId')} />}
      {(input.role === 'AGENCY_WORKER' || input.role === 'SHELTER_STAFF') && <FormFieldTextbox label={t('accounts.agency')} name="agencyId" required value={input.agencyId} onChange={set('agencyId')} />}
      <Button type="submit" appearance="primary-action-button">{t('accounts.create')}</Button>
      {outcome?.__typename === 'Account' && <Alert type="ok" role="status"><Paragraph>{t('accounts.created')}</Paragraph></Alert>}
      {outcome && outcome.__typename !== 'Account' && <ErrorAlert code={outcome.code} message={outcome.fields?.map((f) => `${f.path.at(-1)}: ${f.message}`).join('; ') ?? outcome.message} />}
    </form>
  );
}
