// What goes in a shelter file, on the page itself: per kind a template to download (header and one example row,
// from the API), every column with what to fill in, and the code lists with what each code means.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Heading,
  Link,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { refusalAlternatives, refusalReasons, targetGroups, unitKinds, waitingListOutcomes } from '../../forms/choices';
import { FormField } from '../../forms/FormField';

/** Columns per kind, in file order, and whether a row needs them (the API's shelter-csv format is the source). */
const COLUMNS: Record<string, [column: string, required: boolean][]> = {
  capacity: [
    ['facility_id', true],
    ['unit_kind', true],
    ['target_group', true],
    ['period_start', true],
    ['period_end', true],
    ['capacity', true],
    ['note', false],
  ],
  occupancy: [
    ['facility_id', true],
    ['unit_kind', true],
    ['target_group', true],
    ['date', true],
    ['occupied', true],
    ['available', true],
    ['blocked', true],
  ],
  'waiting-list': [
    ['facility_id', true],
    ['case_ref', true],
    ['household_id', false],
    ['target_group', true],
    ['date_on', true],
    ['priority', false],
    ['date_off', false],
    ['outcome', false],
  ],
  refusals: [
    ['facility_id', true],
    ['case_ref', true],
    ['household_id', false],
    ['target_group', true],
    ['refused_on', true],
    ['reason', true],
    ['alternative', true],
    ['alternative_agency_id', false],
    ['note', false],
  ],
};

/** Columns that take a code, with the i18n group that says what each code means. */
const CODE_LISTS: Record<string, { prefix: string; codes: readonly string[] }> = {
  unit_kind: { prefix: 'unitKinds', codes: unitKinds },
  target_group: { prefix: 'targetGroups', codes: targetGroups },
  reason: { prefix: 'reasons', codes: refusalReasons },
  alternative: { prefix: 'alternatives', codes: refusalAlternatives },
  outcome: { prefix: 'shelter.outcomes', codes: waitingListOutcomes },
};

export function ShelterTemplates() {
  const { t } = useTranslation();
  const [kind, setKind] = useState('refusals');
  const columns = COLUMNS[kind] ?? [];
  const kindName = t(`shelter.kinds.${kind}`);
  return (
    <section aria-labelledby="templates-heading">
      <Heading level={4} id="templates-heading">
        {t('shelter.template.title')}
      </Heading>
      <Paragraph>{t('shelter.template.intro')}</Paragraph>
      <FormField
        id="template-kind"
        control="select"
        label={t('shelter.template.kind')}
        required
        value={kind}
        onChange={setKind}
        options={Object.keys(COLUMNS).map((k) => ({ value: k, label: t(`shelter.kinds.${k}`) }))}
      />
      <Paragraph>
        <Link href={`/shelter/template?kind=${kind}`} download>
          {t('shelter.template.download', { kind: kindName })}
        </Link>
      </Paragraph>
      <div className="kk-table-scroll">
        <Table>
          <TableCaption>{t('shelter.template.caption', { kind: kindName })}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('shelter.column')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('shelter.template.meaning')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('shelter.template.required')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {columns.map(([column, required]) => (
              <TableRow key={column}>
                <TableHeaderCell scope="row">
                  <code>{column}</code>
                </TableHeaderCell>
                <TableCell>{t(`shelter.columns.${column}`)}</TableCell>
                <TableCell>{required ? t('shelter.template.yes') : t('shelter.template.no')}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {columns
        .filter(([column]) => CODE_LISTS[column])
        .map(([column]) => {
          const list = CODE_LISTS[column]!;
          return (
            <div className="kk-table-scroll" key={column}>
              <Table>
                <TableCaption>{t('shelter.template.codesCaption', { column })}</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t('shelter.template.code')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('shelter.template.codeMeaning')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {list.codes.map((code) => (
                    <TableRow key={code}>
                      <TableHeaderCell scope="row">
                        <code>{code}</code>
                      </TableHeaderCell>
                      <TableCell>{t(`${list.prefix}.${code}`)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          );
        })}
    </section>
  );
}
