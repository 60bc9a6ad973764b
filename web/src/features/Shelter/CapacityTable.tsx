// Reported capacity by unit and target group: the shelter's own page and a region's figures show the same table.
import { useTranslation } from 'react-i18next';
import { Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';

export interface CapacityRow {
  unitKind: string;
  targetGroup: string;
  capacity: number;
}

export function CapacityTable({ rows }: { rows: readonly CapacityRow[] }) {
  const { t } = useTranslation();
  return (
    <div className="kk-table-scroll">
      <Table>
        <TableCaption>{t('shelter.capacityCaption')}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('shelter.unitKind')}</TableHeaderCell>
            <TableHeaderCell>{t('shelter.targetGroup')}</TableHeaderCell>
            <TableHeaderCell>{t('shelter.capacity')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((c) => (
            <TableRow key={`${c.unitKind}-${c.targetGroup}`}>
              <TableCell>{t(`unitKinds.${c.unitKind}`)}</TableCell>
              <TableCell>{t(`targetGroups.${c.targetGroup}`)}</TableCell>
              <TableCell>{c.capacity}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
