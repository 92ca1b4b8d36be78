import { describe, expect, it } from "vitest";
import { registrationSchema } from "./registration";
import { proposeReceiptDate } from "./receipt-date";

const TODAY = "2026-11-27";
const valid = {
  channel: "in_person",
  arrivedOn: "2026-11-20",
  receivedOn: "",
  applicantType: "natural_person",
  applicantName: "张三",
  idNumber: "11010519491231002x",
  phone: "138 0000 5678",
  description: "2025年城区老旧小区改造项目资金使用情况",
  formWanted: "paper",
};

function issues(input: Record<string, unknown>) {
  const result = registrationSchema(TODAY).safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
}

describe("registering an application", () => {
  it("takes the receipt date art. 31 proposes when staff leave it blank, and normalises the ID", () => {
    const parsed = registrationSchema(TODAY).parse(valid);
    expect(parsed.receivedOn).toBe("2026-11-20");
    expect(parsed.idNumber).toBe("11010519491231002X");
    expect(parsed.receivedOnReason).toBeNull();
  });

  it("wants a reason when the receipt date differs from the proposal", () => {
    expect(issues({ ...valid, channel: "ordinary_post", receivedOn: "2026-11-24" })).toHaveProperty("receivedOnReason");
    const parsed = registrationSchema(TODAY).parse({ ...valid, channel: "ordinary_post", receivedOn: "2026-11-24", receivedOnReason: "11月24日电话确认" });
    expect(parsed.receivedOn).toBe("2026-11-24");
  });

  it("refuses dates in the future and a receipt before arrival", () => {
    expect(issues({ ...valid, arrivedOn: "2026-11-28" })).toHaveProperty("arrivedOn", "实际收到日期不能晚于今天");
    expect(issues({ ...valid, receivedOn: "2026-11-19", receivedOnReason: "x" })).toHaveProperty("receivedOn", "收到申请日期不能早于实际收到日期");
  });

  it("checks the ID number against the applicant type", () => {
    expect(issues({ ...valid, idNumber: "11010519491231002Y" })).toHaveProperty("idNumber");
    expect(issues({ ...valid, applicantType: "commercial_enterprise", applicantName: "某公司" })).toHaveProperty("idNumber");
    expect(issues({ ...valid, applicantType: "commercial_enterprise", applicantName: "某公司", idNumber: "91350100M000100Y43" })).toEqual({});
  });

  it("names every missing required field in Chinese", () => {
    const missing = issues({});
    for (const field of ["channel", "arrivedOn", "applicantType", "applicantName", "description", "formWanted"]) {
      expect(missing[field], field).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});

describe("the art. 31 proposal", () => {
  it("quotes the rule of each channel", () => {
    expect(proposeReceiptDate("registered_post", "2026-03-02").rule).toContain("签收");
    expect(proposeReceiptDate("online", "2026-03-02").rule).toContain("双方确认");
  });
});
