// The only owner of a Cytoscape instance: elements in, taps out. A table of the same data sits one toggle away.
import cytoscape, { type Core, type EventObject } from 'cytoscape';
import { useEffect, useRef } from 'react';
import { chainStyle } from './chain-style';
import type { ElementDefinition } from './elements';

export interface ChainGraphProps {
  elements: ElementDefinition[];
  label: string;
  layout?: 'breadthfirst' | 'cose';
  onSelect?: (id: string) => void;
  /** Taps on an edge, with the edge's data: the chain map opens the gaps behind a referral link. */
  onEdgeSelect?: (data: Record<string, unknown>) => void;
}

export function ChainGraph({ elements, label, layout = 'breadthfirst', onSelect, onEdgeSelect }: ChainGraphProps) {
  const container = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);

  useEffect(function createInstance() {
    const instance = cytoscape({ container: container.current, style: chainStyle, wheelSensitivity: 0.3 });
    cy.current = instance;
    return () => instance.destroy();
  }, []);

  useEffect(function syncElements() {
    const graph = cy.current;
    if (!graph) return;
    graph.batch(() => {
      graph.elements().remove();
      graph.add(elements);
    });
    const positioned = elements.some((e) => e.position);
    graph.layout(positioned ? { name: 'preset' } : layout === 'cose' ? { name: 'cose', animate: false } : { name: 'breadthfirst', directed: true, spacingFactor: 1.1 }).run();
    graph.fit(undefined, 20);
    container.current?.setAttribute('data-rendered-nodes', String(graph.nodes().length));
  }, [elements, layout]);

  useEffect(function forwardTaps() {
    if (!onSelect) return;
    const handler = (event: EventObject) => onSelect(event.target.id());
    cy.current?.on('tap', 'node', handler);
    return () => {
      cy.current?.off('tap', 'node', handler);
    };
  }, [onSelect]);

  useEffect(function forwardEdgeTaps() {
    if (!onEdgeSelect) return;
    const handler = (event: EventObject) => onEdgeSelect(event.target.data() as Record<string, unknown>);
    cy.current?.on('tap', 'edge', handler);
    return () => {
      cy.current?.off('tap', 'edge', handler);
    };
  }, [onEdgeSelect]);

  return <div ref={container} className="kk-graph" role="img" aria-label={label} data-testid="chain-graph" />;
}
