// Cytoscape styles: shapes and line styles carry the meaning as well as colour (WCAG 1.4.1).
import type { StylesheetJson } from 'cytoscape';

export const chainStyle: StylesheetJson = [
  { selector: 'node', style: { label: 'data(label)', 'text-wrap': 'wrap', 'text-max-width': '140px', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 4, 'background-color': '#4b6a88', width: 22, height: 22 } },
  { selector: 'node.household', style: { shape: 'star', 'background-color': '#24578f', width: 30, height: 30 } },
  { selector: 'node.agency', style: { shape: 'round-rectangle', 'background-color': '#6f8f3d' } },
  { selector: 'node.facility', style: { shape: 'diamond', 'background-color': '#8a5a00' } },
  { selector: 'node.referral', style: { shape: 'triangle', 'background-color': '#7b3f8c' } },
  { selector: 'node.shelter_refusal', style: { shape: 'vee', 'background-color': '#b30000' } },
  { selector: 'node.stage', style: { shape: 'round-rectangle', width: 34, height: 34, 'background-color': '#24578f' } },
  { selector: 'node.no-regie', style: { 'border-width': 3, 'border-style': 'dashed', 'border-color': '#b30000', 'background-color': '#ffffff' } },
  { selector: 'node.superseded', style: { opacity: 0.4 } },
  { selector: 'node.evidence', style: { 'border-width': 4, 'border-color': '#b30000' } },
  { selector: 'edge', style: { width: 1.5, 'line-color': '#8a8a8a', 'target-arrow-shape': 'triangle', 'target-arrow-color': '#8a8a8a', 'curve-style': 'bezier', 'font-size': 9, label: 'data(label)' } },
  { selector: 'edge.next', style: { width: 3, 'line-color': '#24578f', 'target-arrow-color': '#24578f' } },
  { selector: 'edge.holds_regie', style: { width: 4, 'line-style': 'solid', 'line-color': '#6f8f3d', 'target-arrow-color': '#6f8f3d' } },
  { selector: 'edge.acts_at, edge.acted_in', style: { 'line-style': 'dotted' } },
  { selector: 'edge.reported', style: { 'line-style': 'dashed', 'line-color': '#b30000', 'target-arrow-color': '#b30000' } },
  { selector: 'edge.supersedes', style: { 'line-style': 'dashed' } },
  { selector: 'edge.referral_link', style: { width: 'data(width)', 'line-color': '#7b3f8c', 'target-arrow-color': '#7b3f8c', 'curve-style': 'unbundled-bezier' } },
  { selector: 'edge.often_refused', style: { 'line-style': 'dashed', 'line-color': '#b30000', 'target-arrow-color': '#b30000' } },
  { selector: 'edge.evidence', style: { width: 4, 'line-color': '#b30000', 'target-arrow-color': '#b30000' } },
];
