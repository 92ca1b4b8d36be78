import { describe, expect, it } from "vitest";
import {
  APPLICATION_COLUMNS,
  APPLICATION_ROW_LABELS,
  APPLICATIONS_NOTE,
  APPLICANT_TYPES,
  COLUMN_CODES,
  OUTCOME_CODES,
  OUTCOME_GROUPS,
  OUTCOMES,
  OVERVIEW_SUBHEADS,
  PROACTIVE_TABLE,
  REPORT_SECTIONS,
  REVIEW_COLUMNS,
  REVIEW_GROUPS,
  outcomeLabelPath,
} from "./labels";

describe("official labels", () => {
  it("lists the six sections in order", () => {
    expect(REPORT_SECTIONS.map((s) => s.heading)).toEqual([
      "一、总体情况",
      "二、主动公开政府信息情况",
      "三、收到和处理政府信息公开申请情况",
      "四、政府信息公开行政复议、行政诉讼情况",
      "五、存在的主要问题及改进情况",
      "六、其他需要报告的事项",
    ]);
    expect(OVERVIEW_SUBHEADS).toHaveLength(5);
  });

  it("keeps the code tuples in the order of the label tables", () => {
    expect(COLUMN_CODES).toEqual(APPLICATION_COLUMNS.map((c) => c.code));
    expect(OUTCOME_CODES).toEqual(OUTCOMES.map((o) => o.code));
    expect(APPLICANT_TYPES.map((t) => t.code)).toEqual([
      "natural_person",
      "commercial_enterprise",
      "research_institution",
      "social_welfare_org",
      "legal_service_org",
      "other_org",
    ]);
    expect(APPLICATION_COLUMNS.map((c) => c.label)).toEqual([
      "自然人",
      "商业企业",
      "科研机构",
      "社会公益组织",
      "法律服务机构",
      "其他",
      "总计",
    ]);
  });

  it("has 21 outcomes, each in one of the six groups, groups in table order", () => {
    expect(OUTCOMES).toHaveLength(21);
    const groupOrder = OUTCOME_GROUPS.map((g) => g.key);
    const groupIndexes = OUTCOMES.map((o) => groupOrder.indexOf(o.group));
    expect(groupIndexes.every((index) => index >= 0)).toBe(true);
    expect([...groupIndexes].sort((a, b) => a - b)).toEqual(groupIndexes);
    expect(OUTCOMES.every((o) => o.code === o.group || o.code.startsWith(`${o.group}.`))).toBe(true);
  });

  it("names a grouped outcome by its group heading and its own label", () => {
    expect(outcomeLabelPath("withheld.security_stability")).toEqual(["（三）不予公开", "3.危及“三安全一稳定”"]);
    expect(outcomeLabelPath("partial")).toEqual(["（二）部分公开（区分处理的，只计这一情形，不计其他情形）"]);
    expect(outcomeLabelPath("other.unpaid_fee")).toEqual([
      "（六）其他处理",
      "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    ]);
  });

  it("uses full-width punctuation only", () => {
    const everyLabel = [
      REPORT_SECTIONS,
      OVERVIEW_SUBHEADS,
      PROACTIVE_TABLE,
      APPLICATION_COLUMNS,
      APPLICATION_ROW_LABELS,
      APPLICATIONS_NOTE,
      OUTCOME_GROUPS,
      OUTCOMES,
      REVIEW_GROUPS,
      REVIEW_COLUMNS,
    ];
    const chineseLabels = stringsIn(everyLabel).filter((text) => /\p{Script=Han}/u.test(text));
    expect(chineseLabels.length).toBeGreaterThan(60);
    expect(chineseLabels.filter((label) => /[(),:;"]/.test(label))).toEqual([]);
    expect(APPLICATIONS_NOTE).toBe("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
  });

  it("labels table 二 and table 四 as the format does", () => {
    expect(PROACTIVE_TABLE.map((g) => g.heading)).toEqual([
      "第二十条第（一）项",
      "第二十条第（五）项",
      "第二十条第（六）项",
      "第二十条第（八）项",
    ]);
    expect(PROACTIVE_TABLE[3].columns[0].label).toBe("本年收费金额（单位：万元）");
    expect(REVIEW_GROUPS.map((g) => g.label)).toEqual(["行政复议", "未经复议直接起诉", "复议后起诉"]);
    expect(REVIEW_COLUMNS.map((c) => c.label)).toEqual(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]);
  });
});

function stringsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (value && typeof value === "object") return Object.values(value).flatMap(stringsIn);
  return [];
}
