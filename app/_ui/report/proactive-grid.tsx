import { Fragment, type ReactNode } from "react";
import { PROACTIVE_TABLE } from "@/lib/report/labels";

type ProactiveGroup = (typeof PROACTIVE_TABLE)[number];
export type ProactiveRow = ProactiveGroup["rows"][number];
export type ProactiveColumn = ProactiveGroup["columns"][number];

/** Table 二 as entry grids, one per article, in the official layout; each form says what goes in a cell (a `<td>`). */
export function ProactiveGrid({ cell }: { cell: (row: ProactiveRow, column: ProactiveColumn) => ReactNode }) {
  return PROACTIVE_TABLE.map((group) => (
    <div key={group.heading} className="table-scroll">
      <table className="rw-grid">
        <thead>
          <tr>
            <th scope="col">{group.heading}</th>
            {group.columns.map((column) => (
              <th key={column.key} scope="col">{column.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {group.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {group.columns.map((column) => (
                <Fragment key={column.key}>{cell(row, column)}</Fragment>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  ));
}
