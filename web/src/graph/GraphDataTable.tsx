// The table alternative of a graph: every edge as a row, with the labels of both ends.
import { useTranslation } from 'react-i18next';
import { Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { ElementDefinition } from './elements';

export function GraphDataTable({ elements, caption }: { elements: ElementDefinition[]; caption: string }) {
  const { t } = useTranslation();
  const labels = new Map(elements.filter((e) => e.group === 'nodes').map((n) => [String(n.data.id), String(n.data.label)]));
  const edges = elements.filter((e) => e.group === 'edges');
  return (
    <div className="kk-table-scroll">
      <Table>
        <TableCaption>{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('graph.from')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('graph.relation')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('graph.to')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {edges.map((e) => (
            <TableRow key={String(e.data.id)} data-evidence={e.classes?.includes('evidence') ? 'true' : undefined}>
              <TableCell>{labels.get(String(e.data.source))}</TableCell>
              <TableCell>
                {t(`edges.${String(e.data.kind)}`)}
                {e.data.label ? ` (${String(e.data.label)})` : ''}
              </TableCell>
              <TableCell>{labels.get(String(e.data.target))}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
