import { describe, expect, it } from "vitest";
import { parseAnnualReport } from "@/lib/report";
import seed from "@/lib/report/fixtures/jincheng-chengqu-2022.json";
import { blankHistoricalEntryValues, fieldNameOfPath, historicalEntryToJson, historicalEntryValues, NUMBER_FIELDS } from "./historical-entry";

const agency = { agencyCode: "jccq", agencyName: "晋城市城区人民政府办公室" };

describe("the cell-by-cell entry of a historical report", () => {
  it("builds from the form exactly the report it was filled from, error included", () => {
    const parsed = parseAnnualReport(seed.published);
    if (!parsed.success) throw new Error("fixture does not parse");
    const values = { ...historicalEntryValues(parsed.report), ...agency, year: "2022" };
    const rebuilt = parseAnnualReport(historicalEntryToJson(values));
    expect(rebuilt).toEqual({ success: true, report: parsed.report });
  });

  it("has one field per cell: 10 in table 二, 175 in table 三, 15 in table 四, 3 fees", () => {
    expect(NUMBER_FIELDS).toHaveLength(10 + 25 * 7 + 15 + 3);
    expect(new Set(NUMBER_FIELDS).size).toBe(NUMBER_FIELDS.length);
    expect(NUMBER_FIELDS).toContain("applications.outcomes.withheld.state_secret.6");
  });

  it("leaves judging to the parser, whose paths name the fields", () => {
    const values: Record<string, string> = { ...blankHistoricalEntryValues(), ...agency, year: "2021" };
    values["applications.outcomes.withheld.state_secret.6"] = "";
    values["proactive.licensing"] = "三";
    values["applications.received.0"] = "１２";
    const parsed = parseAnnualReport(historicalEntryToJson(values));
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const byField = Object.fromEntries(parsed.errors.map((error) => [fieldNameOfPath(error.path), error.message]));
    expect(Object.keys(byField).sort()).toEqual(["applications.outcomes.withheld.state_secret.6", "proactive.licensing"]);
    expect(byField["applications.outcomes.withheld.state_secret.6"]).toContain("「总计」列");
    expect(byField["proactive.licensing"]).toContain("应为数字");
  });
});
