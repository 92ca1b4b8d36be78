/**
 * Personal data of applicants seeded into the ledger of the public-report agency (e2e/public-seed.ts).
 * None of these strings, nor their masked forms, may appear anywhere on the public site.
 */

export const PUBLIC_AGENCY = { code: "sample", name: "示例县人民政府办公室" } as const;
export const PUBLIC_YEAR = 2025;
export const HISTORICAL_YEAR = 2024;

export const CANARY_APPLICANTS = [
  {
    applicantType: "natural_person",
    applicantName: "金丝雀甲",
    idNumber: "140502199003071237",
    phone: "13900001234",
    address: "金丝雀省金丝雀市幸福路1号",
    agentName: "金丝雀代理人",
    agentPhone: "13900005678",
    description: "金丝雀甲请求公开某小区拆迁补偿名单",
  },
  {
    applicantType: "natural_person",
    applicantName: "金丝雀乙",
    idNumber: "140502198511204564",
    phone: "139 0000 4321",
    address: "金丝雀路2号",
    agentName: null,
    agentPhone: null,
    description: "金丝雀乙请求公开征地批复",
  },
  {
    applicantType: "commercial_enterprise",
    applicantName: "金丝雀丙有限公司",
    idNumber: null,
    phone: "0356-2039999",
    address: "金丝雀大街3号",
    agentName: null,
    agentPhone: null,
    description: "金丝雀丙请求公开招标文件",
  },
] as const;

/** What must never be served publicly: each name, ID number, phone and address, whole and in part. */
export const CANARY_STRINGS: string[] = [
  "金丝雀",
  ...CANARY_APPLICANTS.flatMap((applicant) => [
    applicant.applicantName,
    applicant.address,
    applicant.description,
    // The whole ID number, its birth date, and its masked tail (「140502********1237」).
    ...(applicant.idNumber ? [applicant.idNumber, applicant.idNumber.slice(6, 14), `*${applicant.idNumber.slice(-4)}`] : []),
    applicant.phone,
    applicant.phone.replace(/\D/g, ""),
    `*${applicant.phone.replace(/\D/g, "").slice(-4)}`,
    ...(applicant.agentName ? [applicant.agentName] : []),
    ...(applicant.agentPhone ? [applicant.agentPhone, `*${applicant.agentPhone.slice(-4)}`] : []),
  ]),
  // The masked forms staff lists show.
  "140502********",
  "139****",
];
