// Line and bar charts on Chart.js, registered piecemeal so each route loads only what it draws. A canvas says
// nothing to a screen reader: every chart has a summary label and sits beside its table (GraphOrTable).
import { Bar, Line } from 'react-chartjs-2';
import {
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  Tooltip,
  type ChartData,
  type Plugin,
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
  /** Per value: hidden for disclosure control. Drawn as a mark with this text (e.g. "< 5"), never as an empty bar. */
  suppressed?: boolean[];
}

/** Writes the suppression mark where a suppressed bar would stand, so that a hidden count does not look like 0. */
function suppressionMarks(series: Series[], mark: string): Plugin<'bar'> {
  return {
    id: 'suppressionMarks',
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      const baseline = chart.scales.y?.getPixelForValue(0) ?? chart.chartArea.bottom;
      ctx.save();
      ctx.font = 'bold 12px system-ui, sans-serif';
      ctx.textAlign = 'center';
      ctx.fillStyle = '#1a1a1a';
      series.forEach((s, datasetIndex) => {
        const meta = chart.getDatasetMeta(datasetIndex);
        if (meta.hidden) return;
        s.suppressed?.forEach((hidden, index) => {
          const bar = meta.data[index];
          if (!hidden || !bar) return;
          ctx.save();
          ctx.translate(bar.x, baseline - 6);
          ctx.rotate(-Math.PI / 2);
          ctx.textAlign = 'left';
          ctx.fillText(mark, 0, 4);
          ctx.restore();
        });
      });
      ctx.restore();
    },
  };
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
      <Line
        data={dataOf(labels, series) as ChartData<'line', (number | null)[], string>}
        options={options}
        role="img"
        aria-label={summary}
      />
    </div>
  );
}

export function BarChart({
  labels,
  series,
  summary,
  suppressedMark = '< 5',
}: {
  labels: string[];
  series: Series[];
  summary: string;
  suppressedMark?: string;
}) {
  return (
    <div className="kk-chart">
      <Bar
        data={dataOf(labels, series) as ChartData<'bar', (number | null)[], string>}
        options={options}
        plugins={[suppressionMarks(series, suppressedMark)]}
        role="img"
        aria-label={summary}
      />
    </div>
  );
}
