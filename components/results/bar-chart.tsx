import { getFormatter } from "@/lib/i18n/format";

/** Fills that keep 3:1 against white and tell apart in greyscale (printed reports). */
export const BAR_TONES = ["#0b4f8f", "#9a5a00", "#1d4d2a", "#5a3d8a"] as const;

export type ChartSeries = { label: string };
export type ChartRow = { key: string; label: string; values: readonly number[]; lang?: string };

type Props = {
  series: readonly ChartSeries[];
  rows: readonly ChartRow[];
  dir: "ltr" | "rtl";
  /** The largest total a bar may reach; defaults to the largest row. */
  max?: number;
};

const WIDTH = 100;
const HEIGHT = 6;

/**
 * A horizontal bar chart drawn on the server as inline SVG: one bar per row, stacked by series.
 * No chart script: it renders without JavaScript, prints sharp and scales with its box. Bars
 * grow from the start side, so right to left they grow from the right. The same numbers are
 * always in a table next to it (DataTable), which screen readers read instead: the chart is
 * hidden from them.
 */
export async function BarChart({ series, rows, dir, max }: Props) {
  const format = await getFormatter();
  const largest = Math.max(max ?? 0, ...rows.map((row) => sum(row.values)), 1);
  return (
    <div className="results-chart mt-3" aria-hidden="true">
      {series.length > 1 && (
        <ul className="mb-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {series.map((s, index) => (
            <li key={s.label} className="flex items-center gap-1.5">
              <svg viewBox="0 0 10 10" width="12" height="12" focusable="false">
                <rect width="10" height="10" fill={BAR_TONES[index % BAR_TONES.length]} />
              </svg>
              {s.label}
            </li>
          ))}
        </ul>
      )}
      <ul className="space-y-2">
        {rows.map((row) => {
          const total = sum(row.values);
          let offset = 0;
          return (
            <li key={row.key}>
              <div className="flex justify-between gap-3 text-sm">
                <span lang={row.lang}>{row.label}</span>
                <span className="tabular-nums">{format.number(total)}</span>
              </div>
              <svg
                viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
                preserveAspectRatio="none"
                className="block h-4 w-full"
                focusable="false"
              >
                <rect width={WIDTH} height={HEIGHT} className="results-track" fill="#f3f5f7" />
                {row.values.map((value, index) => {
                  const width = (value / largest) * WIDTH;
                  const start = offset;
                  offset += width;
                  if (width <= 0) return null;
                  return (
                    <rect
                      key={index}
                      x={dir === "rtl" ? WIDTH - start - width : start}
                      width={width}
                      height={HEIGHT}
                      fill={BAR_TONES[index % BAR_TONES.length]}
                    />
                  );
                })}
              </svg>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
