// The administrator's home: the access log and the accounts. The account list also names the log's accounts.
import { useQuery } from 'urql';
import { Loading } from '../../layout/States';
import { AccessLogPanel } from '../AccessLog/AccessLogPanel';
import { AccountsAdmin, AccountsQuery } from '../Accounts/AccountsAdmin';

export function AdminHome() {
  const [{ data, fetching }] = useQuery({ query: AccountsQuery });
  const accounts = data?.accounts.edges.map((e) => e.node) ?? [];
  // The log names its accounts from this list: rows drawn before it arrives would change width under the reader
  // (a layout shift of the whole table), so the page waits for it.
  if (fetching && !data) return <Loading />;
  return (
    <>
      <AccessLogPanel accounts={accounts} />
      <AccountsAdmin />
    </>
  );
}
