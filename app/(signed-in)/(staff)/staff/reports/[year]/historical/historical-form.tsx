"use client";

import { useActionState } from "react";
import { FormMessage, TextAreaField } from "@/app/_ui/fields";
import { ProactiveGrid } from "@/app/_ui/report/proactive-grid";
import { SubmitButton } from "@/app/_ui/submit-button";
import { initialFormState, type FormState } from "@/lib/forms";
import { APPLICATION_COLUMNS, REPORT_SECTIONS, REVIEW_COLUMNS, REVIEW_GROUPS, applicationRowLabels } from "@/lib/report";
import { APPLICATION_ROW_PATHS } from "@/lib/report/places";
import { applicationCellField, FEE_FIELDS, reviewCellField } from "@/lib/report-workflow/historical-entry";
import { importHistoricalJsonAction, importHistoricalReportAction } from "./actions";

function Cell({ name, label, state, values }: { name: string; label: string; state: FormState; values: Record<string, string> }) {
  const error = state.fieldErrors?.[name];
  return (
    <td>
      <input
        name={name}
        aria-label={label}
        inputMode="numeric"
        defaultValue={state.values?.[name] ?? values[name] ?? ""}
        aria-invalid={error ? true : undefined}
        title={error}
      />
      {error ? <p className="error">{error}</p> : null}
    </td>
  );
}

function ErrorList({ state }: { state: FormState }) {
  const errors = Object.entries(state.fieldErrors ?? {});
  if (errors.length === 0) return null;
  return (
    <div className="form-message error" role="alert">
      共 {errors.length} 处需要修改：
      <ul className="rw-errors">
        {errors.map(([field, message]) => (
          <li key={field}>{message}</li>
        ))}
      </ul>
    </div>
  );
}

const proactivePath = (row: string, column: string) =>
  row === "regulations" || row === "normativeDocuments" ? `proactive.${row}.${column}` : `proactive.${row}`;

/**
 * Every cell of tables 二, 三 and 四, the fees and the prose of a report from before the system, typed
 * as printed. The server builds the report JSON from it and imports it exactly as an uploaded file.
 */
export function HistoricalEntryForm({
  year,
  agency,
  values,
  nextVersion,
}: {
  year: number;
  agency: { code: string; name: string };
  values: Record<string, string>;
  nextVersion: number;
}) {
  const [state, formAction] = useActionState(importHistoricalReportAction, initialFormState);
  const prose = REPORT_SECTIONS.filter((section) => section.key === "overview" || section.key === "problems" || section.key === "other");
  return (
    <form action={formAction} className="rw-form" aria-label="逐格录入历史报告">
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="agencyCode" value={agency.code} />
      <input type="hidden" name="agencyName" value={agency.name} />
      <FormMessage state={state} />
      <ErrorList state={state} />

      <h2>二、主动公开政府信息情况</h2>
      <ProactiveGrid
        cell={(row, column) => <Cell name={proactivePath(row.key, column.key)} label={`表二 ${row.label}：${column.label}`} state={state} values={values} />}
      />

      <h2>三、收到和处理政府信息公开申请情况</h2>
      <div className="table-scroll">
        <table className="rw-grid rw-dense">
          <thead>
            <tr>
              <th scope="col">行</th>
              {APPLICATION_COLUMNS.map((column) => (
                <th key={column.code} scope="col">{column.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {APPLICATION_ROW_PATHS.map((row) => {
              const label = applicationRowLabels(row).join(" ");
              return (
                <tr key={row}>
                  <th scope="row">{label}</th>
                  {APPLICATION_COLUMNS.map((column, index) => (
                    <Cell key={column.code} name={applicationCellField(row, index)} label={`表三 ${label}：${column.label}`} state={state} values={values} />
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <h2>四、政府信息公开行政复议、行政诉讼情况</h2>
      <div className="table-scroll">
        <table className="rw-grid rw-dense">
          <thead>
            <tr>
              <th scope="col">组</th>
              {REVIEW_COLUMNS.map((column) => (
                <th key={column.key} scope="col">{column.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {REVIEW_GROUPS.map((group) => {
              const label = group.underLitigation ? `行政诉讼 ${group.label}` : group.label;
              return (
                <tr key={group.key}>
                  <th scope="row">{label}</th>
                  {REVIEW_COLUMNS.map((column) => (
                    <Cell key={column.key} name={reviewCellField(group.key, column.key)} label={`表四 ${label}：${column.label}`} state={state} values={values} />
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <h2>信息处理费</h2>
      <table className="rw-grid">
        <tbody>
          {FEE_FIELDS.map((field) => (
            <tr key={field.name}>
              <th scope="row">{field.label}</th>
              <Cell name={field.name} label={field.label} state={state} values={values} />
            </tr>
          ))}
        </tbody>
      </table>

      <h2>文字部分</h2>
      {prose.map((section) => (
        <TextAreaField
          key={section.key}
          name={`sections.${section.key}`}
          label={section.heading}
          state={state}
          defaultValue={values[`sections.${section.key}`] ?? ""}
          rows={section.key === "overview" ? 10 : 4}
        />
      ))}
      {nextVersion > 1 ? (
        <TextAreaField name="correctionNote" label="更正说明" state={state} rows={2} required hint={`该年度已有历史报告，本次录入为第 ${nextVersion} 版`} />
      ) : null}
      {state.fieldErrors?.year ? <p className="form-message error">{state.fieldErrors.year}</p> : null}
      {Object.keys(state.fieldErrors ?? {}).length > 0 ? (
        <p className="form-message error">有 {Object.keys(state.fieldErrors ?? {}).length} 处需要修改，已在上方逐格标出。</p>
      ) : null}
      <div className="actions">
        <SubmitButton>录入并公开</SubmitButton>
        <span className="muted small">按原文录入，即使数字有误也照录；系统会核验并标出问题，随报告一并公开。</span>
      </div>
    </form>
  );
}

/** A whole report JSON (`gongkai.annual-report/1`), pasted in. */
export function HistoricalJsonForm({ nextVersion }: { nextVersion: number }) {
  const [state, formAction] = useActionState(importHistoricalJsonAction, initialFormState);
  return (
    <form action={formAction} className="rw-form" aria-label="粘贴报告 JSON">
      <FormMessage state={state} />
      <ErrorList state={state} />
      <TextAreaField name="json" label="报告 JSON（gongkai.annual-report/1）" state={state} rows={8} idPrefix="json" />
      {nextVersion > 1 ? <TextAreaField name="correctionNote" label="更正说明" state={state} rows={2} idPrefix="json" required /> : null}
      <div className="actions">
        <SubmitButton className="secondary">导入 JSON</SubmitButton>
      </div>
    </form>
  );
}
