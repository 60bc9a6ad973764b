// A graph with its table alternative: keyboard and screen-reader users get the same data as a table.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/component-library-react';

export function GraphOrTable({ graph, table }: { graph: ReactNode; table: ReactNode }) {
  const { t } = useTranslation();
  const [view, setView] = useState<'graph' | 'table'>('graph');
  return (
    <div>
      <Button
        appearance="secondary-action-button"
        aria-pressed={view === 'table'}
        onClick={() => setView(view === 'graph' ? 'table' : 'graph')}
      >
        {view === 'graph' ? t('graph.showTable') : t('graph.showGraph')}
      </Button>
      {view === 'graph' ? graph : table}
    </div>
  );
}
