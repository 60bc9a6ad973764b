// The graph with Cytoscape loaded on its own: the page around it (the trace's timeline and gaps, the chain map's
// tables) renders without waiting for the graph chunk, which matters on a slow mobile connection. Until the chunk
// is there, a placeholder of the graph's own size holds its place, so nothing moves when it arrives.
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/component-library-react';
import type { ChainGraphProps } from './ChainGraph';

const ChainGraph = lazy(() => import('./ChainGraph').then((module) => ({ default: module.ChainGraph })));

/** The graph's frame as ChainGraph draws it (controls, hint, box), without the graph. */
function GraphPlaceholder() {
  const { t } = useTranslation();
  return (
    <div className="kk-graph-frame" aria-busy="true">
      <div className="kk-graph-controls">
        {['+', '−', t('graph.fit'), t('graph.reset')].map((text) => (
          <Button key={text} appearance="secondary-action-button" disabled>
            {text}
          </Button>
        ))}
      </div>
      <p className="kk-graph-hint">{t('graph.keyboardHint')}</p>
      <div className="kk-graph" role="status">
        {t('common.loading')}
      </div>
    </div>
  );
}

export function LazyChainGraph(props: ChainGraphProps) {
  return (
    <Suspense fallback={<GraphPlaceholder />}>
      <ChainGraph {...props} />
    </Suspense>
  );
}
