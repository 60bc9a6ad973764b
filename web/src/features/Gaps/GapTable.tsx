// A table of gap findings, each linking to its household and evidence.
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { graphql, type ResultOf } from '../../graphql';
import { Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';

/** One finding as the table shows it. */
export const GapRowFields = graphql(`
  fragment GapTable_Row on GapFinding @_unmask {
    id
    rule
    severity
    stage
    detectedOn
    summary
    household {
      id
      reference
    }
    agencies {
      id
      name
    }
  }
`);

type GapRow = ResultOf<typeof GapRowFields>;

export function GapTable({ gaps, caption }: { gaps: readonly GapRow[]; caption: string }) {
  const { t } = useTranslation();
  return (
    <div className="kk-table-scroll">
      <Table>
        <TableCaption>{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            {['detectedOn', 'rule', 'severity', 'stage', 'household', 'agencies'].map((k) => (
              <TableHeaderCell scope="col" key={k}>
                {t(`gaps.${k}`)}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {gaps.map((g) => (
            <TableRow key={g.id}>
              <TableCell>{g.detectedOn}</TableCell>
              <TableCell title={g.summary}>{t(`rules.${g.rule}`)}</TableCell>
              <TableCell>{t(`severity.${g.severity}`)}</TableCell>
              <TableCell>{g.stage ? t(`states.${g.stage}`) : '—'}</TableCell>
              <TableCell>
                <RouterLink className="utrecht-link" to={`/households/${g.household.id}?gap=${encodeURIComponent(g.id)}`}>
                  {g.household.reference}
                </RouterLink>
              </TableCell>
              <TableCell>{g.agencies.map((a) => a.name).join(', ')}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
