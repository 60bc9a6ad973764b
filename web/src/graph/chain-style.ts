// Cytoscape styles: shapes and line styles carry the meaning as well as colour (WCAG 1.4.1). Labels are 13-14 px at
// zoom 1, the default zoom, so that they render at 12 px or more; below 8 px on screen they are hidden, not smudged.
import type { StylesheetJson } from 'cytoscape';

export const LABEL_FONT_PX = 13;

export const chainStyle: StylesheetJson = [
  {
    selector: 'node',
    style: {
      'z-index-compare': 'manual',
      'z-index': 20,
      label: 'data(label)',
      'text-wrap': 'wrap',
      'text-max-width': '150px',
      // Long Dutch compounds (preventiemaatregelen) break too, rather than run into the next stage's label.
      'text-overflow-wrap': 'anywhere',
      'font-size': LABEL_FONT_PX,
      'font-family': 'system-ui, sans-serif',
      color: '#1a1a1a',
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '2px',
      'min-zoomed-font-size': 8,
      'background-color': '#4b6a88',
      width: 22,
      height: 22,
    },
  },
  { selector: 'node.household', style: { shape: 'star', 'background-color': '#24578f', width: 30, height: 30 } },
  { selector: 'node.agency', style: { shape: 'round-rectangle', 'background-color': '#6f8f3d' } },
  { selector: 'node.facility', style: { shape: 'diamond', 'background-color': '#8a5a00' } },
  { selector: 'node.referral', style: { shape: 'triangle', 'background-color': '#7b3f8c' } },
  { selector: 'node.shelter_refusal', style: { shape: 'vee', 'background-color': '#b30000' } },
  {
    selector: 'node.stage',
    style: { shape: 'round-rectangle', width: 34, height: 34, 'background-color': '#24578f', 'font-size': 14, 'font-weight': 'bold' },
  },
  {
    selector: 'node.no-regie',
    style: { 'border-width': 3, 'border-style': 'dashed', 'border-color': '#b30000', 'background-color': '#ffffff' },
  },
  { selector: 'node.superseded', style: { opacity: 0.45 } },
  // Swimlanes (z-index compared by hand, so that edges run over the bands): a band per lane behind everything, its header at the left, month ticks above.
  {
    selector: 'node.lane-band',
    style: {
      shape: 'rectangle',
      width: 'data(bandWidth)',
      height: 'data(bandHeight)',
      'background-color': '#f3f6f9',
      'border-width': 0,
      label: '',
      'z-index': 0,
      events: 'no',
    },
  },
  { selector: 'node.lane-band-alt', style: { 'background-color': '#e8eef4' } },
  {
    selector: 'node.lane-label',
    style: {
      'text-valign': 'center',
      'text-halign': 'left',
      'text-margin-x': -8,
      'text-margin-y': 0,
      'font-weight': 'bold',
      'text-max-width': '220px',
    },
  },
  { selector: 'node.has-regie', style: { 'border-width': 4, 'border-color': '#24578f' } },
  {
    selector: 'node.axis-tick',
    style: {
      shape: 'rectangle',
      width: 2,
      height: 14,
      'background-color': '#555',
      'text-valign': 'top',
      'text-margin-y': -4,
      'font-size': 13,
      'text-background-opacity': 0,
      events: 'no',
    },
  },
  {
    selector: 'node.evidence',
    style: { 'border-width': 5, 'border-style': 'double', 'border-color': '#b30000', 'font-weight': 'bold', color: '#8a0000' },
  },
  { selector: 'node:selected', style: { 'overlay-color': '#24578f', 'overlay-opacity': 0.25, 'overlay-padding': 6 } },
  {
    selector: 'edge',
    style: {
      'z-index-compare': 'manual',
      'z-index': 10,
      width: 1.5,
      'line-color': '#8a8a8a',
      'target-arrow-shape': 'triangle',
      'target-arrow-color': '#8a8a8a',
      'curve-style': 'bezier',
      'font-size': 12,
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'min-zoomed-font-size': 8,
      label: 'data(label)',
    },
  },
  { selector: 'edge.to-lane', style: { display: 'none' } },
  { selector: 'edge.next', style: { width: 3, 'line-color': '#24578f', 'target-arrow-color': '#24578f', 'curve-style': 'straight' } },
  { selector: 'edge.holds_regie', style: { width: 4, 'line-style': 'solid', 'line-color': '#6f8f3d', 'target-arrow-color': '#6f8f3d' } },
  { selector: 'edge.acts_at, edge.acted_in', style: { 'line-style': 'dotted' } },
  { selector: 'edge.reported', style: { 'line-style': 'dashed', 'line-color': '#b30000', 'target-arrow-color': '#b30000' } },
  { selector: 'edge.supersedes', style: { 'line-style': 'dashed' } },
  {
    selector: 'edge.referral_link',
    style: {
      width: 'data(width)',
      'line-color': '#7b3f8c',
      'target-arrow-color': '#7b3f8c',
      'curve-style': 'unbundled-bezier',
      'font-size': 13,
    },
  },
  { selector: 'edge.often_refused', style: { 'line-style': 'dashed', 'line-color': '#b30000', 'target-arrow-color': '#b30000' } },
  { selector: 'edge.evidence', style: { display: 'element', width: 5, 'line-color': '#b30000', 'target-arrow-color': '#b30000' } },
  { selector: 'edge:selected', style: { 'overlay-color': '#24578f', 'overlay-opacity': 0.25 } },
];
