// Line and bar charts on Chart.js, registered piecemeal so each route loads only what it draws. A canvas says
// nothing to a screen reader: every chart has a summary label and sits beside its table (GraphOrTable).
import { Bar, Line } from 'react-chartjs-2';
import {
  BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, LineElement, PointElement, Tooltip, type ChartData,
} from 'chart.js';

ChartJS.register(CategoryScale, LinearScale, BarElement, LineElement, PointElement, Legend, Tooltip);

/** Colours from the Utrecht theme's palette, distinguishable without colour too (dashes, order in the legend). */
const SERIES = ['#24578f', '#c9190b', '#4f8a10', '#6b4e9b', '#a35200'];

export interface Series {
  label: string;
  /** null is "unknown or suppressed": drawn as a gap, never as zero. */
  values: (number | null)[];
  dashed?: boolean;
  stepped?: boolean;
}

function dataOf(labels: string[], series: Series[]): ChartData<'line' | 'bar', (number | null)[], string> {
  return {
    labels,
    datasets: series.map((s, i) => ({
      label: s.label,
      data: s.values,
      borderColor: SERIES[i % SERIES.length],
      backgroundColor: SERIES[i % SERIES.length],
      borderDash: s.dashed ? [6, 4] : undefined,
      stepped: s.stepped ? ('before' as const) : false,
      spanGaps: false,
      // Points, so that a report every few days shows as dots rather than an empty chart (gaps stay gaps).
      pointRadius: s.stepped ? 0 : 3,
    })),
  };
}

const options = { responsive: true, maintainAspectRatio: false, animation: false as const, scales: { y: { beginAtZero: true } } };

export function LineChart({ labels, series, summary }: { labels: string[]; series: Series[]; summary: string }) {
  return (
    <div className="kk-chart">
      <Line data={dataOf(labels, series) as ChartData<'line', (number | null)[], string>} options={options} role="img" aria-label={summary} />
    </div>
  );
}

export function BarChart({ labels, series, summary }: { labels: string[]; series: Series[]; summary: string }) {
  return (
    <div className="kk-chart">
      <Bar data={dataOf(labels, series) as ChartData<'bar', (number | null)[], string>} options={options} role="img" aria-label={summary} />
    </div>
  );
}
