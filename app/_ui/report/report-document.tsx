import { useId, type ReactNode } from "react";
import {
  documentSections,
  formatFigure,
  type DocumentSection,
  type FigurePlace,
  type LayoutCell,
  type LayoutRow,
  type TableLayout,
} from "@/lib/report/document-layout";
import type { AnnualReport } from "@/lib/report";

/**
 * The annual report in the official format (国办公开办函〔2021〕30号): the six sections headed exactly,
 * section 一 under its five sub-heads, and tables 二, 三 and 四 with the merged header cells of the
 * official tables. A server component without client code; it renders the report as given and reads
 * nothing else.
 *
 * `drillDownHref(place)` makes each figure of tables 三 and 四 a link: for table 三 the place has the row
 * path (`received`, `carriedOver`, `outcomes.<code>`, `handled`, `carriedForward`) and the applicant column
 * code (`natural_person` … `total`); for table 四 the group and the column. Returning null leaves it plain.
 *
 * Headings are `h2` (sections) and `h3` (section 一's sub-heads): the page supplies the `h1`.
 */
export function ReportDocument({
  report,
  drillDownHref,
}: {
  report: AnnualReport;
  drillDownHref?: (place: FigurePlace) => string | null;
}) {
  const idPrefix = useId().replace(/[^A-Za-z0-9_-]/g, "");
  return (
    <article className="report-document" aria-label={`${report.agency.name}${report.year}年度报告正文`}>
      {documentSections(report).map((section) => (
        <section key={section.key} className="report-section" aria-labelledby={`${idPrefix}-${section.key}`}>
          <h2 id={`${idPrefix}-${section.key}`}>{section.heading}</h2>
          <SectionBody section={section} idPrefix={`${idPrefix}-${section.key}`} drillDownHref={drillDownHref} />
        </section>
      ))}
    </article>
  );
}

function SectionBody({
  section,
  idPrefix,
  drillDownHref,
}: {
  section: DocumentSection;
  idPrefix: string;
  drillDownHref?: (place: FigurePlace) => string | null;
}) {
  switch (section.kind) {
    case "overview":
      return (
        <>
          {section.intro.length > 0 && <Paragraphs lines={section.intro} />}
          {section.parts.map((part) => (
            <div key={part.key} className="report-subsection">
              <h3>{part.heading}</h3>
              <Paragraphs lines={part.paragraphs} />
            </div>
          ))}
        </>
      );
    case "prose":
      return <Paragraphs lines={section.paragraphs} />;
    case "table":
      return (
        <ReportTable
          table={section.table}
          caption={section.heading}
          idPrefix={idPrefix}
          drillDownHref={drillDownHref}
        />
      );
  }
}

function Paragraphs({ lines }: { lines: string[] }) {
  if (lines.length === 0) return <p className="report-empty muted">（无）</p>;
  return lines.map((line, index) => <p key={index}>{line}</p>);
}

function ReportTable({
  table,
  caption,
  idPrefix,
  drillDownHref,
}: {
  table: TableLayout;
  caption: string;
  idPrefix: string;
  drillDownHref?: (place: FigurePlace) => string | null;
}) {
  const cell = (layoutCell: LayoutCell, key: number): ReactNode => {
    switch (layoutCell.kind) {
      case "note":
        return (
          <td key={key} className="report-note" colSpan={layoutCell.colSpan} rowSpan={layoutCell.rowSpan}>
            {layoutCell.text}
          </td>
        );
      case "header":
        return (
          <th
            key={key}
            id={`${idPrefix}-${layoutCell.id}`}
            scope={layoutCell.scope}
            colSpan={layoutCell.colSpan > 1 ? layoutCell.colSpan : undefined}
            rowSpan={layoutCell.rowSpan > 1 ? layoutCell.rowSpan : undefined}
          >
            {layoutCell.text}
          </th>
        );
      case "data": {
        const text = formatFigure(layoutCell.value);
        const href = layoutCell.place && drillDownHref ? drillDownHref(layoutCell.place) : null;
        return (
          <td
            key={key}
            className="num"
            colSpan={layoutCell.colSpan > 1 ? layoutCell.colSpan : undefined}
            headers={layoutCell.headers.map((id) => `${idPrefix}-${id}`).join(" ")}
          >
            {href ? <a href={href}>{text}</a> : text}
          </td>
        );
      }
    }
  };
  const row = (cells: LayoutRow, key: number) => <tr key={key}>{cells.map(cell)}</tr>;
  const [only] = table.groups;
  return (
    <div className="report-table-wrap">
      <table className={`report-table report-table-${table.key}`}>
        <caption className="visually-hidden">{caption}</caption>
        {table.groups.length === 1 && only ? (
          <>
            <thead>{only.head.map(row)}</thead>
            <tbody>{only.body.map(row)}</tbody>
          </>
        ) : (
          table.groups.map((group, index) => <tbody key={index}>{[...group.head, ...group.body].map(row)}</tbody>)
        )}
      </table>
    </div>
  );
}
