import { describe, expect, it } from "vitest";
import { statutoryHolidays } from "./statutory-holidays";

const asPairs = (year: number) => statutoryHolidays(year).map((h) => `${h.date} ${h.name} ${h.kind}`);

describe("statutoryHolidays", () => {
  it("2027 under the 2024 revision, with substitutes for weekend days (worked out by hand)", () => {
    // 春节 2027-02-06 is a Saturday: 除夕 Fri 2-5, 初一 Sat, 初二 Sun, 初三 Mon 2-8 → Tue and Wed off.
    // 劳动节 5-1 Sat, 5-2 Sun → Mon 5-3, Tue 5-4. 国庆 10-1 Fri, 10-2 Sat, 10-3 Sun → Mon 10-4, Tue 10-5.
    expect(asPairs(2027)).toEqual([
      "2027-01-01 元旦 statutory",
      "2027-02-05 春节 statutory",
      "2027-02-06 春节 statutory",
      "2027-02-07 春节 statutory",
      "2027-02-08 春节 statutory",
      "2027-02-09 春节 substitute",
      "2027-02-10 春节 substitute",
      "2027-04-05 清明节 statutory",
      "2027-05-01 劳动节 statutory",
      "2027-05-02 劳动节 statutory",
      "2027-05-03 劳动节 substitute",
      "2027-05-04 劳动节 substitute",
      "2027-06-09 端午节 statutory",
      "2027-09-15 中秋节 statutory",
      "2027-10-01 国庆节 statutory",
      "2027-10-02 国庆节 statutory",
      "2027-10-03 国庆节 statutory",
      "2027-10-04 国庆节 substitute",
      "2027-10-05 国庆节 substitute",
    ]);
  });

  it("uses the pre-2025 rule (春节 初一–初三, 劳动节 one day) before 2025", () => {
    const days2024 = asPairs(2024);
    expect(days2024).not.toContain("2024-02-09 春节 statutory");
    expect(days2024).toContain("2024-02-10 春节 statutory");
    expect(days2024).toContain("2024-02-13 春节 substitute");
    expect(days2024).toContain("2024-02-14 春节 substitute");
    expect(days2024.filter((d) => d.includes("劳动节"))).toEqual(["2024-05-01 劳动节 statutory"]);
    expect(asPairs(2025)).toContain("2025-01-28 春节 statutory");
    expect(asPairs(2025).filter((d) => d.includes("劳动节"))).toEqual([
      "2025-05-01 劳动节 statutory",
      "2025-05-02 劳动节 statutory",
    ]);
  });

  it("gives a substitute when two festivals fall on the same day (2020: 中秋 = 国庆 10-1)", () => {
    const october = asPairs(2020).filter((d) => d.startsWith("2020-10"));
    expect(october).toEqual([
      "2020-10-01 国庆节 statutory",
      "2020-10-02 国庆节 statutory",
      "2020-10-03 国庆节 statutory",
      "2020-10-05 国庆节 substitute",
      "2020-10-06 中秋节 substitute",
    ]);
  });

  it("keeps only the fixed-date festivals beyond the lunar table", () => {
    expect(statutoryHolidays(2041).map((h) => h.name)).toEqual(["元旦", "劳动节", "劳动节", "国庆节", "国庆节", "国庆节"]);
  });
});
