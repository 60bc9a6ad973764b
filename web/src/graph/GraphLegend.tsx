// The legend of a graph: each symbol drawn as the graph draws it (shape and line style, not colour alone).
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

export type LegendSymbol =
  | 'event'
  | 'household'
  | 'agency'
  | 'facility'
  | 'referral'
  | 'refusal'
  | 'stage'
  | 'no-regie'
  | 'evidence'
  | 'has-regie'
  | 'line-next'
  | 'line-regie'
  | 'line-acts'
  | 'line-referrals'
  | 'line-often-refused'
  | 'line-evidence'
  | 'superseded';

function Symbol({ symbol }: { symbol: LegendSymbol }) {
  const shapes: Record<LegendSymbol, ReactElement> = {
    event: <circle cx="12" cy="12" r="8" fill="#4b6a88" />,
    superseded: <circle cx="12" cy="12" r="8" fill="#4b6a88" opacity="0.45" />,
    household: <polygon points="12,2 15,9 22,9 16.5,14 18.5,21 12,17 5.5,21 7.5,14 2,9 9,9" fill="#24578f" />,
    agency: <rect x="3" y="5" width="18" height="14" rx="4" fill="#6f8f3d" />,
    'has-regie': <rect x="4" y="6" width="16" height="12" rx="4" fill="#6f8f3d" stroke="#24578f" strokeWidth="3" />,
    facility: <polygon points="12,2 22,12 12,22 2,12" fill="#8a5a00" />,
    referral: <polygon points="12,3 21,20 3,20" fill="#7b3f8c" />,
    refusal: <polygon points="2,4 12,20 22,4 12,11" fill="#b30000" />,
    stage: <rect x="3" y="3" width="18" height="18" rx="4" fill="#24578f" />,
    'no-regie': <rect x="4" y="4" width="16" height="16" rx="4" fill="#fff" stroke="#b30000" strokeWidth="2.5" strokeDasharray="4 2" />,
    evidence: <circle cx="12" cy="12" r="7" fill="#4b6a88" stroke="#b30000" strokeWidth="4" />,
    'line-next': <line x1="1" y1="12" x2="23" y2="12" stroke="#24578f" strokeWidth="3" />,
    'line-regie': <line x1="1" y1="12" x2="23" y2="12" stroke="#6f8f3d" strokeWidth="4" />,
    'line-acts': <line x1="1" y1="12" x2="23" y2="12" stroke="#8a8a8a" strokeWidth="2" strokeDasharray="2 3" />,
    'line-referrals': <line x1="1" y1="12" x2="23" y2="12" stroke="#7b3f8c" strokeWidth="5" />,
    'line-often-refused': <line x1="1" y1="12" x2="23" y2="12" stroke="#b30000" strokeWidth="3" strokeDasharray="5 3" />,
    'line-evidence': <line x1="1" y1="12" x2="23" y2="12" stroke="#b30000" strokeWidth="5" />,
  };
  return (
    <svg width="24" height="24" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      {shapes[symbol]}
    </svg>
  );
}

export function GraphLegend({ items }: { items: LegendSymbol[] }) {
  const { t } = useTranslation();
  return (
    <figure className="kk-legend">
      <figcaption>{t('graph.legend')}</figcaption>
      <ul>
        {items.map((item) => (
          <li key={item}>
            <Symbol symbol={item} /> {t(`graph.legendItems.${item}`)}
          </li>
        ))}
      </ul>
    </figure>
  );
}
