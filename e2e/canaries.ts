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
    notes: "金丝雀甲另留邮箱 kanari-jia@example.com",
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
    notes: null,
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
    notes: null,
  },
] as const;

/** What must never be served publicly: each name, ID number, phone and address, whole and in part. */
export const CANARY_STRINGS: string[] = [
  "金丝雀",
  ...CANARY_APPLICANTS.flatMap((applicant) => [
    applicant.applicantName,
    applicant.address,
    applicant.description,
    ...(applicant.notes ? [applicant.notes, "kanari-jia@example.com"] : []),
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

/**
 * Personal data typed in a working session by the clerk of e2e-privacy (e2e/personal-data.spec.ts): registered,
 * corrected (the ID number's birth month and the phone), imported with a ledger file. None of it may reach the
 * audit trail or the server's log.
 */
export const SESSION_APPLICANT = {
  applicantName: "隐私测试甲",
  idNumber: "110101198705123312",
  changedIdNumber: "110101198706123314",
  phone: "13700001111",
  changedPhone: "13700002222",
  address: "隐私省隐私市保密路8号",
  agentName: "隐私代理人",
  agentPhone: "13700003333",
} as const;

export const IMPORTED_APPLICANT = { applicantName: "隐私测试乙", idNumber: "140522197602034514", phone: "13700004444", address: "隐私街9号" } as const;

/** Each ID number whole, without its check digit, and its birth date; each phone number whole and without its prefix. */
export const SESSION_CANARIES: string[] = [
  "隐私测试",
  "隐私代理人",
  "保密路",
  "隐私街",
  ...[SESSION_APPLICANT.idNumber, SESSION_APPLICANT.changedIdNumber, IMPORTED_APPLICANT.idNumber].flatMap((id) => [id, id.slice(0, 17), id.slice(6, 14)]),
  ...[SESSION_APPLICANT.phone, SESSION_APPLICANT.changedPhone, SESSION_APPLICANT.agentPhone, IMPORTED_APPLICANT.phone].flatMap((phone) => [phone, phone.slice(3)]),
];
