// Sign-in (inloggen) with username and password.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router-dom';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { FormField } from '../../forms/FormField';
import { hasProblems, missingRequired } from '../../forms/problems';
import { useForm } from '../../forms/useForm';
import { PageHeading } from '../../layout/PageHeading';
import { useSession } from '../../session';

export default function SignInPage() {
  const { t } = useTranslation();
  const { viewer, signIn } = useSession();
  const form = useForm('sign-in', { username: '', password: '' });
  const [busy, setBusy] = useState(false);
  if (viewer) return <Navigate to="/" replace />;
  const labels = { username: t('signIn.username'), password: t('signIn.password') };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing = missingRequired(form.values, ['username', 'password']);
    form.setProblems(missing);
    if (hasProblems(missing)) return;
    setBusy(true);
    const result = await signIn(form.values.username, form.values.password);
    setBusy(false);
    form.setProblems(result.ok ? {} : { '': [{ code: result.code, params: {} }] });
  }

  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="sign-in-heading" noValidate>
      <PageHeading id="sign-in-heading" title={t('signIn.title')} />
      <Paragraph>{t('signIn.intro')}</Paragraph>
      <ErrorSummary problems={form.problems} labels={labels} idOf={form.idOf} />
      <FormField label={labels.username} autoComplete="username" required {...form.field('username')} />
      <FormField label={labels.password} control="password" autoComplete="current-password" required {...form.field('password')} />
      <Button type="submit" appearance="primary-action-button" disabled={busy}>
        {busy ? t('common.busy') : t('signIn.submit')}
      </Button>
    </form>
  );
}
