import { describe, expect, it } from "vitest";
import { APPLICANT_TYPE_CODES } from "@/lib/identity";
import { CHANNELS } from "@/lib/ledger/codes";
import { OUTCOMES } from "@/lib/report/labels";
import { APPLICANT_TYPE_WORDS, applicantTypeOfWord, CHANNEL_WORDS, channelOfWord, OUTCOME_WORDS, outcomeOfWord } from "./vocabulary";

describe("the ledger file's words", () => {
  it("has the channels of interfaces.md §2, each read back to its code", () => {
    expect(CHANNELS.map((code) => CHANNEL_WORDS[code])).toEqual(["当面", "邮寄", "平信", "网络", "电子邮件", "传真", "其他"]);
    for (const code of CHANNELS) expect(channelOfWord(CHANNEL_WORDS[code])).toBe(code);
    expect(channelOfWord("邮寄（需签收）")).toBe("registered_post");
    expect(channelOfWord(" 网 络 ")).toBe("online");
    expect(channelOfWord("email")).toBe("email");
    expect(channelOfWord("飞鸽传书")).toBeUndefined();
  });

  it("has the six applicant types of table 三", () => {
    expect(APPLICANT_TYPE_CODES.map((code) => APPLICANT_TYPE_WORDS[code])).toEqual(["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]);
    for (const code of APPLICANT_TYPE_CODES) expect(applicantTypeOfWord(APPLICANT_TYPE_WORDS[code])).toBe(code);
    expect(applicantTypeOfWord("其他法人或组织")).toBe("other_org");
    expect(applicantTypeOfWord("外星人")).toBeUndefined();
  });

  it("reads every outcome by its name without number prefix, its code, its row label and its short label", () => {
    for (const outcome of OUTCOMES) {
      expect(OUTCOME_WORDS[outcome.code]).toBe(outcome.name);
      expect(outcomeOfWord(outcome.name)).toBe(outcome.code);
      expect(outcomeOfWord(outcome.code)).toBe(outcome.code);
      expect(outcomeOfWord(outcome.label)).toBe(outcome.code);
    }
    expect(outcomeOfWord("部分公开")).toBe("partial");
    expect(outcomeOfWord("本机关不掌握相关政府信息")).toBe("unavailable.not_held");
    expect(outcomeOfWord("其他")).toBe("other.other");
    expect(outcomeOfWord('危及"三安全一稳定"')).toBe("withheld.security_stability");
    expect(outcomeOfWord("不予公开：属于国家秘密")).toBe("withheld.state_secret");
    expect(outcomeOfWord("不予公开")).toBeUndefined();
  });
});
