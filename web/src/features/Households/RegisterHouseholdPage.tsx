// "Gezin aanmelden": a chain worker registers a family with its members and, usually, the consent it gave. The page
// offers every field registerHousehold takes; the API alone decides who may register where and what is valid.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import {
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { AgencyPicker } from '../../forms/AgencyPicker';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { FormField } from '../../forms/FormField';
import { consentMethods, consentPurposes, compositionSources, landlordTypes, memberRoles, oneOf } from '../../forms/choices';
import { hasProblems, missingRequired, ProblemFields } from '../../forms/problems';
import { submitted } from '../../forms/submit';
import { useForm } from '../../forms/useForm';
import { graphql } from '../../graphql';
import { PageHeading } from '../../layout/PageHeading';
import { Loading } from '../../layout/States';
import { useSession } from '../../session';
import { today } from '../../days';

const RegionQuery = graphql(`
  query RegisterHousehold_Region {
    viewer {
      centrumgemeente {
        id
        name
      }
      agency {
        id
        name
        centrumgemeente {
          id
          name
        }
      }
    }
  }
`);
const RegionAgencies = graphql(`
  query RegisterHousehold_Agencies($cityId: ID!) {
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
const Register = graphql(
  `
    mutation RegisterHousehold_Register($input: RegisterHouseholdInput!) {
      registerHousehold(input: $input) {
        __typename
        ... on Household {
          id
        }
        ...ProblemFields
      }
    }
  `,
  [ProblemFields],
);

const MEMBER_FIELDS = ['label', 'birthYear', 'role', 'from', 'compositionSource'] as const;
const MAX_MEMBERS = 20;
const memberField = (index: number, name: (typeof MEMBER_FIELDS)[number]) => `members.${index}.${name}`;

const EMPTY = {
  reference: '',
  municipality: '',
  landlordType: '',
  consentGiven: 'yes',
  'consent.purpose': 'CHAIN_COORDINATION',
  'consent.recipientAgencyIds': '',
  'consent.from': today(),
  'consent.to': '',
  'consent.method': '',
} as Record<string, string>;

/** An API problem's path (input, members, 0, label) as this form's field name (members.0.label). */
function fieldOfPath(path: string[]): string | undefined {
  const [, first, second, third] = path;
  if (first === 'members' && second !== undefined) return third ? `members.${second}.${third}` : 'members';
  if (first === 'consent') return second ? `consent.${second}` : 'consentGiven';
  return first;
}

export default function RegisterHouseholdPage() {
  const { t } = useTranslation();
  const { viewer } = useSession();
  const navigate = useNavigate();
  const [{ data: regionData, fetching }] = useQuery({ query: RegionQuery });
  const region = regionData?.viewer?.centrumgemeente ?? regionData?.viewer?.agency?.centrumgemeente ?? null;
  const ownAgency = regionData?.viewer?.agency ?? null;
  const [{ data: agencyData }] = useQuery({ query: RegionAgencies, variables: { cityId: region?.id ?? '' }, pause: !region });
  const agencyName = new Map((agencyData?.agencies.edges ?? []).map((e) => [e.node.id, e.node.name]));
  const [memberCount, setMemberCount] = useState(1);
  const [recipients, setRecipients] = useState<string[] | null>(null);
  const chosenRecipients = recipients ?? (ownAgency ? [ownAgency.id] : []);
  const [, register] = useMutation(Register);
  const form = useForm('register', EMPTY);
  const [saving, setSaving] = useState(false);
  const consentGiven = form.values.consentGiven === 'yes';
  // Fields come and go with the number of persons: a field not yet typed in is empty.
  const field = (name: string) => ({ ...form.field(name), value: form.values[name] ?? '' });

  const memberIndexes = Array.from({ length: memberCount }, (_, i) => i);
  const labels: Record<string, string> = {
    reference: t('register.reference'),
    municipality: t('register.municipality'),
    landlordType: t('register.landlordType'),
    members: t('register.members'),
    consentGiven: t('register.consentGiven'),
    'consent.purpose': t('register.consentPurpose'),
    'consent.recipientAgencyIds': t('register.consentRecipients'),
    'consent.from': t('register.consentFrom'),
    'consent.to': t('register.consentTo'),
    'consent.method': t('register.consentMethod'),
    '': '',
  };
  const labelOf = (name: string) => labels[name] ?? '';
  for (const i of memberIndexes)
    for (const name of MEMBER_FIELDS)
      labels[memberField(i, name)] = `${t('register.person', { number: i + 1 })}: ${t(`register.member.${name}`)}`;
  const fields = Object.keys(labels).filter((f) => f !== '');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!region) return;
    const required = [
      'reference',
      'landlordType',
      ...memberIndexes.flatMap((i) => (['label', 'role', 'from', 'compositionSource'] as const).map((name) => memberField(i, name))),
      ...(consentGiven ? ['consent.purpose', 'consent.from', 'consent.to', 'consent.method'] : []),
    ];
    const missing = missingRequired(form.values, required);
    if (consentGiven && chosenRecipients.length === 0) missing['consent.recipientAgencyIds'] = [{ code: 'REQUIRED', params: {} }];
    form.setProblems(missing);
    if (hasProblems(missing)) return;
    const v = form.values;
    const landlordType = oneOf(landlordTypes, v.landlordType);
    const purpose = oneOf(consentPurposes, v['consent.purpose']);
    const method = oneOf(consentMethods, v['consent.method']);
    const members = memberIndexes.map((i) => {
      const birthYear = v[memberField(i, 'birthYear')]?.trim();
      return {
        label: v[memberField(i, 'label')] ?? '',
        birthYear: birthYear ? Number(birthYear) : null,
        role: oneOf(memberRoles, v[memberField(i, 'role')]) ?? 'PARENT',
        from: v[memberField(i, 'from')] ?? '',
        compositionSource: oneOf(compositionSources, v[memberField(i, 'compositionSource')]) ?? 'SELF_DECLARED',
      };
    });
    if (!landlordType || (consentGiven && (!purpose || !method))) return;
    const saved: { householdId: string | null } = { householdId: null };
    setSaving(true);
    const ok = await submitted(
      form,
      fields,
      async () => {
        const response = await register({
          input: {
            reference: v.reference ?? '',
            centrumgemeenteId: region.id,
            municipality: v.municipality?.trim() || null,
            landlordType,
            members,
            consent:
              consentGiven && purpose && method
                ? { purpose, method, recipientAgencyIds: chosenRecipients, from: v['consent.from'] ?? '', to: v['consent.to'] ?? '' }
                : null,
          },
        });
        const answer = response.data?.registerHousehold;
        if (answer?.__typename === 'Household') saved.householdId = answer.id;
        return { answer, error: response.error };
      },
      fieldOfPath,
    );
    setSaving(false);
    if (ok && saved.householdId) void navigate(`/households/${saved.householdId}`);
  }

  if (fetching && !regionData) return <Loading />;
  const options = <Value extends string>(values: readonly Value[], key: string) =>
    values.map((value) => ({ value, label: t(`${key}.${value}`) }));

  return (
    <>
      <PageHeading id="register-heading" title={t('register.title')} />
      <Paragraph>{t('register.intro', { region: region?.name ?? '–' })}</Paragraph>
      <form onSubmit={(e) => void submit(e)} aria-labelledby="register-heading" noValidate className="kk-register">
        <ErrorSummary problems={form.problems} labels={labels} idOf={form.idOf} />
        <FormField label={labelOf('reference')} description={t('register.referenceHint')} required {...field('reference')} />
        <FormField label={labelOf('municipality')} description={t('register.municipalityHint')} {...field('municipality')} />
        <FormField
          control="select"
          label={labelOf('landlordType')}
          required
          options={options(landlordTypes, 'landlords')}
          {...field('landlordType')}
        />
        <Fieldset aria-describedby="register-members-hint">
          <FieldsetLegend>{labelOf('members')}</FieldsetLegend>
          <Paragraph id="register-members-hint">{t('register.membersHint')}</Paragraph>
          {form.problems.members && (
            <Paragraph className="utrecht-form-field-error-message" id={form.idOf('members')} tabIndex={-1}>
              {t('register.membersProblem')}
            </Paragraph>
          )}
          {memberIndexes.map((i) => (
            <Fieldset key={i} className="kk-member">
              <FieldsetLegend>{t('register.person', { number: i + 1 })}</FieldsetLegend>
              <FormField
                label={t('register.member.label')}
                description={t('register.member.labelHint')}
                required
                {...field(memberField(i, 'label'))}
              />
              <FormField
                control="select"
                label={t('register.member.role')}
                required
                options={options(memberRoles, 'memberRoles')}
                {...field(memberField(i, 'role'))}
              />
              <FormField
                control="number"
                label={t('register.member.birthYear')}
                description={t('register.member.birthYearHint')}
                min={1900}
                max={new Date().getFullYear()}
                {...field(memberField(i, 'birthYear'))}
              />
              <FormField
                control="date"
                label={t('register.member.from')}
                description={t('register.member.fromHint')}
                required
                max={today()}
                {...field(memberField(i, 'from'))}
              />
              <FormField
                control="select"
                label={t('register.member.compositionSource')}
                required
                options={options(compositionSources, 'compositionSources')}
                {...field(memberField(i, 'compositionSource'))}
              />
            </Fieldset>
          ))}
          <ButtonGroup>
            {memberCount < MAX_MEMBERS && (
              <Button type="button" appearance="secondary-action-button" onClick={() => setMemberCount(memberCount + 1)}>
                {t('register.addPerson')}
              </Button>
            )}
            {memberCount > 1 && (
              <Button type="button" appearance="subtle-button" onClick={() => setMemberCount(memberCount - 1)}>
                {t('register.removePerson', { number: memberCount })}
              </Button>
            )}
          </ButtonGroup>
        </Fieldset>
        <Fieldset>
          <FieldsetLegend>{t('register.consentTitle')}</FieldsetLegend>
          <FormField
            control="select"
            label={labelOf('consentGiven')}
            description={t('register.consentGivenHint')}
            required
            options={[
              { value: 'yes', label: t('register.consentYes') },
              { value: 'no', label: t('register.consentNo') },
            ]}
            {...field('consentGiven')}
          />
          {consentGiven ? (
            <>
              <FormField
                control="select"
                label={labelOf('consent.purpose')}
                required
                options={options(consentPurposes, 'register.purposes')}
                {...field('consent.purpose')}
              />
              <AgencyPicker
                label={labelOf('consent.recipientAgencyIds')}
                cityId={region?.id ?? null}
                required
                value=""
                onChange={(id) => id && !chosenRecipients.includes(id) && setRecipients([...chosenRecipients, id])}
                problems={form.problems['consent.recipientAgencyIds']}
                id={form.idOf('consent.recipientAgencyIds')}
              />
              <Paragraph>{t('register.consentRecipientsChosen', { count: chosenRecipients.length })}</Paragraph>
              <UnorderedList>
                {chosenRecipients.map((id) => (
                  <UnorderedListItem key={id}>
                    {agencyName.get(id) ?? id}{' '}
                    <Button
                      type="button"
                      appearance="subtle-button"
                      onClick={() => setRecipients(chosenRecipients.filter((other) => other !== id))}
                    >
                      {t('register.removeRecipient', { name: agencyName.get(id) ?? id })}
                    </Button>
                  </UnorderedListItem>
                ))}
              </UnorderedList>
              <FormField control="date" label={labelOf('consent.from')} required {...field('consent.from')} />
              <FormField
                control="date"
                label={labelOf('consent.to')}
                description={t('register.consentToHint')}
                required
                {...field('consent.to')}
              />
              <FormField
                control="select"
                label={labelOf('consent.method')}
                required
                options={options(consentMethods, 'register.methods')}
                {...field('consent.method')}
              />
            </>
          ) : (
            <Paragraph>{t(viewer?.role === 'COORDINATOR' ? 'register.noConsentCoordinator' : 'register.noConsentWorker')}</Paragraph>
          )}
        </Fieldset>
        <Button type="submit" appearance="primary-action-button" disabled={saving || !region}>
          {t('register.submit')}
        </Button>
      </form>
    </>
  );
}
