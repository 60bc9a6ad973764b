// Sign-in (inloggen) with username and password.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router-dom';
import { Button, FormFieldTextbox, Heading, Paragraph } from '@utrecht/component-library-react';
import { ErrorAlert } from '../../layout/States';
import { useSession } from '../../session';

export default function SignInPage() {
  const { t } = useTranslation();
  const { viewer, signIn } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<{ code: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  if (viewer) return <Navigate to="/" replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await signIn(username, password);
    setBusy(false);
    setProblem(result.ok ? null : { code: result.code, message: result.message });
  }

  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="sign-in-heading">
      <Heading level={2} id="sign-in-heading">{t('signIn.title')}</Heading>
      <Paragraph>{t('signIn.intro')}</Paragraph>
      {problem && <ErrorAlert code={problem.code} message={problem.message} />}
      <FormFieldTextbox label={t('signIn.username')} name="username" autoComplete="username" required value={username} onChange={(e) => setUsername((e.target as HTMLInputElement).value)} />
      <FormFieldTextbox label={t('signIn.password')} name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword((e.target as HTMLInputElement).value)} />
      <Button type="submit" appearance="primary-action-button" disabled={busy}>{busy ? t('common.busy') : t('signIn.submit')}</Button>
    </form>
  );
}
