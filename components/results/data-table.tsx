import type { ReactNode } from "react";
import { getFormatter } from "@/lib/i18n/format";

export type DataRow = { key: string; header: ReactNode; cells: readonly (number | ReactNode)[]; lang?: string };

type Props = {
  id: string;
  caption: string;
  /** The first column's heading, then one per cell. */
  columns: readonly string[];
  rows: readonly DataRow[];
};

/**
 * The numbers of a chart as a real table: a caption, column and row headers, numbers aligned at
 * the end. On a narrow screen the table scrolls inside its own box (focusable, so keyboards can
 * scroll it) instead of widening the page.
 */
export async function DataTable({ id, caption, columns, rows }: Props) {
  const format = await getFormatter();
  const captionId = `${id}-caption`;
  return (
    <div role="region" aria-labelledby={captionId} tabIndex={0} className="results-table mt-3 overflow-x-auto">
      <table id={id} className="w-full border-collapse text-sm">
        <caption id={captionId} className="pb-2 text-start font-semibold">
          {caption}
        </caption>
        <thead>
          <tr className="border-b-2 border-ink">
            {columns.map((column, index) => (
              <th key={column} scope="col" className={`px-2 py-1 align-bottom [overflow-wrap:normal] ${index === 0 ? "text-start" : "text-end"}`}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className="border-b border-line">
              <th scope="row" className="px-2 py-1 text-start font-normal" lang={row.lang}>
                {row.header}
              </th>
              {row.cells.map((cell, index) => (
                <td key={index} className="px-2 py-1 text-end tabular-nums">
                  {typeof cell === "number" ? format.number(cell) : cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
