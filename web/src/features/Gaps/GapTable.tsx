// A table of gap findings, each linking to its household and evidence.
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';

export interface GapRow {
  id: string;
  rule: string;
  severity: string;
  stage: string | null;
  detectedOn: string;
  summary: string;
  household: { id: string; reference: string };
  agencies: { id: string; name: string }[];
}

export function GapTable({ gaps, caption }: { gaps: GapRow[]; caption: string }) {
  const { t } = useTranslation();
  return (
    <div className="kk-table-scroll">
      <Table>
        <TableCaption>{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            {['detectedOn', 'rule', 'severity', 'stage', 'household', 'agencies'].map((k) => <TableHeaderCell scope="col" key={k}>{t(`gaps.${k}`)}</TableHeaderCell>)}
          </TableRow>
        </TableHeader>
        <TableBody>
          {gaps.map((g) => (
            <TableRow key={g.id}>
              <TableCell>{g.detectedOn}</TableCell>
              <TableCell title={g.summary}>{t(`rules.${g.rule}`)}</TableCell>
              <TableCell>{t(`severity.${g.severity}`)}</TableCell>
              <TableCell>{g.stage ? t(`states.${g.stage}`) : '—'}</TableCell>
              <TableCell><RouterLink className="utrecht-link" to={`/households/${g.household.id}?gap=${encodeURIComponent(g.id)}`}>{g.household.reference}</RouterLink></TableCell>
              <TableCell>{g.agencies.map((a) => a.name).join(', ')}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
