// The administrator's home: the access log and the accounts. The account list also names the log's accounts.
import { useQuery } from 'urql';
import { AccessLogPanel } from '../AccessLog/AccessLogPanel';
import { AccountsAdmin, AccountsQuery } from '../Accounts/AccountsAdmin';

export function AdminHome() {
  const [{ data }] = useQuery({ query: AccountsQuery });
  const accounts = data?.accounts.edges.map((e) => e.node) ?? [];
  return (
    <>
      <AccessLogPanel accounts={accounts} />
      <AccountsAdmin />
    </>
  );
}
