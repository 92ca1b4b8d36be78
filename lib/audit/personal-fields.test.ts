import { describe, expect, it } from "vitest";
import { CHANGED_PERSONAL_MARKER, NUMBER_MARKER, PERSONAL_MARKER, redactNumbers, redactPersonalData } from "./personal-fields";

const applicant = {
  trackingNumber: "2026-0007",
  receivedOn: "2026-03-02",
  applicantType: "natural_person",
  applicantName: "王某甲",
  idNumber: "140502199003071237",
  phone: "13900001234",
  address: "山西省晋城市城区某街1号",
  agentName: null,
  agentPhone: "",
};

describe("redactPersonalData", () => {
  it("keeps that a personal field was filled in, never its value", () => {
    const { after } = redactPersonalData({ after: applicant });
    expect(after).toEqual({
      ...applicant,
      applicantName: PERSONAL_MARKER,
      idNumber: PERSONAL_MARKER,
      phone: PERSONAL_MARKER,
      address: PERSONAL_MARKER,
      agentName: null,
      agentPhone: "",
    });
  });

  it("tells a changed field from an unchanged one, even when only masked digits changed", () => {
    const changed = { ...applicant, idNumber: "140502199103071234", agentName: "李某" };
    const { before, after } = redactPersonalData({ before: applicant, after: changed });
    expect(before).toMatchObject({ idNumber: PERSONAL_MARKER, phone: PERSONAL_MARKER, agentName: null });
    expect(after).toMatchObject({ idNumber: CHANGED_PERSONAL_MARKER, phone: PERSONAL_MARKER, agentName: CHANGED_PERSONAL_MARKER });
    // Clearing a field shows as cleared.
    expect(redactPersonalData({ before: applicant, after: { ...applicant, phone: null } }).after).toMatchObject({ phone: null });
  });

  it("finds personal fields at any depth and blanks ID and phone numbers typed into free text", () => {
    const entry = redactPersonalData({
      before: { event: { type: "consultation_sent", details: { addressee: "张某", note: "电话 0356-2039999" } } },
      after: { list: [{ phone: "13900001234" }] },
      detail: "申请人身份证号应为 14050219900307123X，手机 139 0000 1234，+86 13900001234",
    });
    expect(entry.before).toEqual({ event: { type: "consultation_sent", details: { addressee: PERSONAL_MARKER, note: `电话 ${NUMBER_MARKER}` } } });
    expect(entry.after).toEqual({ list: [{ phone: PERSONAL_MARKER }] });
    expect(entry.detail).toBe(`申请人身份证号应为 ${NUMBER_MARKER}，手机 ${NUMBER_MARKER}，${NUMBER_MARKER}`);
  });

  it("leaves tracking numbers, dates, times, counts and credit codes alone", () => {
    const text = "2026-0007 2026-03-02T08:00:00.000Z 第 12345 行 91350100M000100Y43 共 100000 件";
    expect(redactNumbers(text)).toBe(text);
  });

  it("leaves entries without personal data as they are", () => {
    const entry = { action: "user.update", before: { role: "clerk", agencyId: 3 }, after: { role: "reviewer", agencyId: 3 }, detail: null };
    expect(redactPersonalData(entry)).toEqual(entry);
    expect(redactPersonalData({ detail: undefined })).toEqual({ before: undefined, after: undefined, detail: undefined });
  });
});
