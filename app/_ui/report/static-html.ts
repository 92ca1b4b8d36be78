import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { reportTitle } from "@/lib/report/document-layout";
import type { AnnualReport } from "@/lib/report/schema";
import { ReportDocument } from "./report-document";

/**
 * The report as one self-contained HTML file (the CLI's `report --format html`): the same markup as the
 * public page's report, with a small stylesheet of its own and no script.
 */

const STYLE = `
body { font-family: "Songti SC", "SimSun", "Noto Serif CJK SC", serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.9; color: #1f2328; }
h1 { text-align: center; font-size: 1.5rem; line-height: 1.5; }
h2 { font-family: "SimHei", "Noto Sans CJK SC", sans-serif; font-size: 1.15rem; margin: 1.75rem 0 .75rem; }
h3 { font-size: 1.05rem; margin: 1rem 0 .35rem; text-indent: 2em; }
p { margin: 0 0 .5rem; text-indent: 2em; }
.muted { color: #59636e; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
table { border-collapse: collapse; width: 100%; font-size: .88rem; line-height: 1.45; margin: .5rem 0 1rem; }
th, td { border: 1px solid #57606a; padding: .3rem .4rem; vertical-align: middle; }
th { text-align: center; }
th[scope="row"] { font-weight: normal; text-align: left; }
td { text-align: center; }
@media print { @page { size: A4; margin: 20mm 18mm; } body { margin: 0; max-width: none; } tr { break-inside: avoid; } h2 { break-after: avoid; } }
`;

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);

export function reportToHtml(report: AnnualReport): string {
  const title = reportTitle(report);
  const body = renderToStaticMarkup(createElement(ReportDocument, { report }));
  return [
    "<!doctype html>",
    '<html lang="zh-CN">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    `<h1>${escapeHtml(report.agency.name)}<br>${escapeHtml(title.slice(report.agency.name.length))}</h1>`,
    body,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
