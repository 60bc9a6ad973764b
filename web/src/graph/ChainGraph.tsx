// The only owner of a Cytoscape instance: elements in, selections out. It opens at a zoom where labels read at
// 12 px or more, has zoom/fit/reset controls, is operable by keyboard (arrows move the selection through the nodes
// in reading order, Enter opens the details, Escape closes them), and shows the details of what is selected.
// A table of the same data sits one toggle away.
import cytoscape, { type Core, type EdgeSingular, type EventObject, type NodeSingular, type SingularElementArgument } from 'cytoscape';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { chainStyle } from './chain-style';
import { drawnElements, type ElementDefinition } from './elements';

export interface ChainGraphProps {
  elements: ElementDefinition[];
  label: string;
  layout?: 'breadthfirst' | 'cose';
  onSelect?: (id: string) => void;
  /** Taps on an edge, with the edge's data: the chain map opens the gaps behind a referral link. */
  onEdgeSelect?: (data: Record<string, unknown>) => void;
  /** Nodes to bring into view, e.g. the evidence of the gap the reader picked. */
  focusIds?: readonly string[];
  /** Extra lines for the details panel of a selected element (the page knows what they mean). */
  describe?: (data: Record<string, unknown>) => ReactNode;
}

/** Below this zoom a 13 px label renders under 12 px: the default view never opens below it. */
const READABLE_ZOOM = 1;
const PADDING = 30;
/** Nodes that are scenery, not content: never selected, never in the keyboard order. */
const SCENERY = '.lane-band, .axis-tick';

/** Labels are strings in the element data; anything else shows as nothing rather than "[object Object]". */
const labelText = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');

interface Selected {
  group: 'nodes' | 'edges';
  data: Record<string, unknown>;
  neighbours: { relation: string; label: string }[];
}

export function ChainGraph({ elements, label, layout = 'breadthfirst', onSelect, onEdgeSelect, focusIds, describe }: ChainGraphProps) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);
  const [selected, setSelected] = useState<Selected | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [detailsOpen, setDetailsOpen] = useState(false);

  const measureLabels = useCallback(() => {
    const graph = cy.current;
    const element = container.current;
    if (!graph || !element) return;
    // What a reader sees: the smallest label font among visible, labelled nodes, times the zoom.
    let smallest = Infinity;
    graph
      .nodes()
      .not(SCENERY)
      .forEach((n) => {
        if (n.visible() && String(n.data('label') ?? '') !== '') smallest = Math.min(smallest, parseFloat(String(n.style('font-size'))));
      });
    element.setAttribute('data-zoom', graph.zoom().toFixed(3));
    element.setAttribute('data-min-label-px', Number.isFinite(smallest) ? (smallest * graph.zoom()).toFixed(1) : '');
  }, []);

  /** Fit when everything fits at a readable zoom; otherwise readable zoom from the start (top left) of the graph. */
  const defaultView = useCallback(() => {
    const graph = cy.current;
    if (!graph || graph.elements().length === 0) return;
    graph.fit(undefined, PADDING);
    if (graph.zoom() > 1.5) graph.zoom(1.5);
    if (graph.zoom() < READABLE_ZOOM) {
      const box = graph.elements().boundingBox({});
      graph.zoom(READABLE_ZOOM);
      graph.pan({ x: PADDING - box.x1 * READABLE_ZOOM, y: PADDING - box.y1 * READABLE_ZOOM });
    }
    measureLabels();
  }, [measureLabels]);

  const select = useCallback(
    (target: SingularElementArgument, open: boolean) => {
      const graph = cy.current;
      if (!graph) return;
      graph.elements(':selected').unselect();
      target.select();
      const data = target.data() as Record<string, unknown>;
      const text = (value: unknown) => labelText(value).replace(/\n/g, ' — ');
      const neighbours = target.isNode()
        ? target.connectedEdges().map((edge) => {
            const other = edge.source().id() === target.id() ? edge.target() : edge.source();
            return {
              relation: t(`edges.${String(edge.data('kind'))}`, { defaultValue: t('graph.related') }),
              label: text(other.data('label')),
            };
          })
        : [
            { relation: t('graph.from'), label: text(target.source().data('label')) },
            { relation: t('graph.to'), label: text(target.target().data('label')) },
          ];
      setSelected({ group: target.isNode() ? 'nodes' : 'edges', data, neighbours });
      setAnnouncement(text(data.label) || t(`edges.${String(data.kind)}`, { defaultValue: '' }));
      if (open) setDetailsOpen(true);
    },
    [t],
  );

  useEffect(
    function createInstance() {
      const instance = cytoscape({ container: container.current, style: chainStyle, wheelSensitivity: 0.3, minZoom: 0.05, maxZoom: 4 });
      cy.current = instance;
      instance.on('zoom', measureLabels);
      return () => instance.destroy();
    },
    [measureLabels],
  );

  useEffect(
    function syncElements() {
      const graph = cy.current;
      if (!graph) return;
      graph.batch(() => {
        graph.elements().remove();
        graph.add(drawnElements(elements));
      });
      graph.nodes(SCENERY).unselectify();
      const positioned = elements.some((e) => e.position);
      graph
        .layout(
          positioned
            ? { name: 'preset' }
            : layout === 'cose'
              ? { name: 'cose', animate: false }
              : { name: 'breadthfirst', directed: true, spacingFactor: 1.1 },
        )
        .run();
      defaultView();
      container.current?.setAttribute('data-rendered-nodes', String(graph.nodes().length));
      container.current?.setAttribute('data-evidence-nodes', String(graph.nodes('.evidence').length));
    },
    [elements, layout, defaultView],
  );

  useEffect(
    function bringFocusIntoView() {
      const graph = cy.current;
      if (!graph || !focusIds || focusIds.length === 0) return;
      let focus = graph.collection();
      for (const id of focusIds) focus = focus.union(graph.getElementById(id));
      if (focus.empty()) return;
      graph.fit(focus, PADDING * 3);
      if (graph.zoom() < READABLE_ZOOM) {
        graph.zoom(READABLE_ZOOM);
        graph.center(focus);
      }
      if (graph.zoom() > 1.5) {
        graph.zoom(1.5);
        graph.center(focus);
      }
      measureLabels();
    },
    [focusIds, elements, measureLabels],
  );

  useEffect(
    function forwardTaps() {
      const graph = cy.current;
      if (!graph) return;
      // Cytoscape types an event's target as any; these handlers are bound to nodes and edges only.
      const onNode = (event: EventObject) => {
        const node = event.target as NodeSingular;
        select(node, true);
        onSelect?.(node.id());
      };
      const onEdge = (event: EventObject) => {
        const edge = event.target as EdgeSingular;
        select(edge, true);
        onEdgeSelect?.(edge.data() as Record<string, unknown>);
      };
      graph.on('tap', 'node', onNode);
      graph.on('tap', 'edge', onEdge);
      return () => {
        graph.off('tap', 'node', onNode);
        graph.off('tap', 'edge', onEdge);
      };
    },
    [onSelect, onEdgeSelect, select],
  );

  /** Nodes in reading order: left to right, then top to bottom. */
  const readingOrder = () => {
    const graph = cy.current;
    if (!graph) return [];
    return (graph.nodes().not(SCENERY).toArray() as NodeSingular[]).sort(
      (a, b) => a.position('x') - b.position('x') || a.position('y') - b.position('y'),
    );
  };

  const zoomBy = (factor: number) => {
    const graph = cy.current;
    if (!graph) return;
    graph.zoom({ level: graph.zoom() * factor, renderedPosition: { x: graph.width() / 2, y: graph.height() / 2 } });
  };

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const graph = cy.current;
    if (!graph) return;
    const order = readingOrder();
    const current = graph.nodes(':selected').first();
    const index = current.nonempty() ? order.findIndex((n) => n.id() === current.id()) : -1;
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    if (step !== undefined && order.length > 0) {
      event.preventDefault();
      const next = order[index === -1 ? 0 : (index + step + order.length) % order.length]!;
      select(next, false);
      const box = graph.extent();
      const p = next.position();
      if (p.x < box.x1 || p.x > box.x2 || p.y < box.y1 || p.y > box.y2) graph.center(next);
    } else if ((event.key === 'Enter' || event.key === ' ') && current.nonempty()) {
      event.preventDefault();
      select(current, true);
      onSelect?.(current.id());
    } else if (event.key === 'Escape') {
      setDetailsOpen(false);
    } else if (event.key === '+' || event.key === '=') {
      zoomBy(1.25);
    } else if (event.key === '-') {
      zoomBy(0.8);
    } else if (event.key === '0') {
      defaultView();
    }
  }

  const instructionsId = `graph-keys-${label.length}`;
  return (
    <div className="kk-graph-frame">
      <div className="kk-graph-controls" role="toolbar" aria-label={t('graph.controls')}>
        <Button appearance="secondary-action-button" onClick={() => zoomBy(1.25)} aria-label={t('graph.zoomIn')}>
          +
        </Button>
        <Button appearance="secondary-action-button" onClick={() => zoomBy(0.8)} aria-label={t('graph.zoomOut')}>
          −
        </Button>
        <Button
          appearance="secondary-action-button"
          onClick={() => {
            cy.current?.fit(undefined, PADDING);
            measureLabels();
          }}
        >
          {t('graph.fit')}
        </Button>
        <Button appearance="secondary-action-button" onClick={defaultView}>
          {t('graph.reset')}
        </Button>
      </div>
      <p id={instructionsId} className="kk-graph-hint">
        {t('graph.keyboardHint')}
      </p>
      <div
        ref={container}
        className="kk-graph"
        role="application"
        aria-roledescription={t('graph.roleDescription')}
        aria-label={label}
        aria-describedby={instructionsId}
        tabIndex={0}
        onKeyDown={onKeyDown}
        data-testid="chain-graph"
      />
      <p className="kk-visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {selected && detailsOpen && (
        <section className="kk-graph-details" aria-labelledby="graph-details-heading" data-testid="graph-details">
          <Heading level={4} id="graph-details-heading">
            {labelText(selected.data.label).split('\n')[0] ||
              t(`edges.${String(selected.data.kind)}`, { defaultValue: t('graph.details') })}
          </Heading>
          {labelText(selected.data.label)
            .split('\n')
            .slice(1)
            .map((line) => (
              <Paragraph key={line}>{line}</Paragraph>
            ))}
          {describe?.(selected.data)}
          {selected.neighbours.length > 0 && (
            <UnorderedList>
              {selected.neighbours.map((n, i) => (
                <UnorderedListItem key={`${n.relation}-${n.label}-${i}`}>
                  {n.relation}: {n.label}
                </UnorderedListItem>
              ))}
            </UnorderedList>
          )}
          <Button
            appearance="subtle-button"
            onClick={() => {
              setDetailsOpen(false);
              container.current?.focus();
            }}
          >
            {t('graph.closeDetails')}
          </Button>
        </section>
      )}
    </div>
  );
}
