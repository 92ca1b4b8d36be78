import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { applicationEvents, auditLog } from "@/db/schema";
import { CHANGED_PERSONAL_MARKER, PERSONAL_MARKER } from "@/lib/audit/personal-fields";
import { addDays, todayInChina } from "@/lib/calendar";
import { IMPORT_HEADERS } from "@/lib/ledger-io/columns";
import { csvSource, csvText } from "@/lib/ledger-io/test-files";
import { correctEvent, recordEvent, registerApplication, updateRegistration, voidApplication } from "./ledger";
import { confirmLedgerImport, importLedgerFile, startLedgerImport } from "./ledger-import";
import { asSession, asSystem, signedInUser } from "./testing/callers";
import { serverAction } from "./testing/fuzz-actions";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

/**
 * After a working session — applications registered and corrected, events recorded and corrected, one voided,
 * a password changed, ledgers imported on the web and with the CLI, one refused — neither the audit trail
 * (before, after, detail) nor anything the server printed holds an applicant's ID number, phone number, name
 * or address, nor a password. The trail still tells the auditor that an ID number was changed.
 */

const today = todayInChina();
const PERSON = {
  applicantName: "金丝雀丁",
  idNumber: "140502199003071237",
  changedIdNumber: "140502199103071234",
  phone: "13900001234",
  changedPhone: "13900009876",
  address: "金丝雀省金丝雀市幸福路1号",
  agentName: "金丝雀代理人",
  agentPhone: "13900005678",
};
const IMPORTED = { applicantName: "金丝雀戊", idNumber: "11010519491231002X", phone: "13912345678", address: "金丝雀街2号" };
const NEW_PASSWORD = "Kanari-neue-Passwort-42";

/** Every form of the personal data that must not be kept: whole, without its check digit, the birth date, the phone's digits. */
const CANARIES = [
  "金丝雀",
  ...[PERSON.idNumber, PERSON.changedIdNumber, IMPORTED.idNumber].flatMap((id) => [id, id.slice(0, 17), id.slice(6, 14)]),
  ...[PERSON.phone, PERSON.changedPhone, PERSON.agentPhone, IMPORTED.phone].flatMap((phone) => [phone, phone.slice(3)]),
];

const printed: string[] = [];
let clerk: Awaited<ReturnType<typeof signedInUser>>;

beforeAll(async () => {
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void printed.push(args.map((arg) => (arg instanceof Error ? `${arg.message}\n${arg.stack}` : typeof arg === "string" ? arg : JSON.stringify(arg))).join(" ")));
  }
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    vi.spyOn(stream, "write").mockImplementation(((chunk: string | Uint8Array, ...rest: unknown[]) => {
      printed.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
      return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write);
  }

  clerk = await signedInUser("clerk");
  const as = <T>(work: () => Promise<T>) => asSession(clerk.sessionId, work);
  const registration = {
    channel: "in_person",
    arrivedOn: addDays(today, -10),
    applicantType: "natural_person",
    applicantName: PERSON.applicantName,
    idNumber: PERSON.idNumber,
    phone: PERSON.phone,
    address: PERSON.address,
    agentName: PERSON.agentName,
    agentPhone: PERSON.agentPhone,
    description: "请求公开某文件",
    formWanted: "paper",
  };
  const first = await as(() => registerApplication(registration));
  await as(() => updateRegistration(first.id, { ...registration, idNumber: PERSON.changedIdNumber, phone: PERSON.changedPhone, changeReason: `证件号码录错，应为 ${PERSON.changedIdNumber}` }));
  await as(() => recordEvent(first.id, { type: "consultation_sent", date: addDays(today, -5), party: "third_party", addressee: "金丝雀己", note: `联系电话 ${PERSON.phone}` }));
  const consultation = db().select({ id: applicationEvents.id }).from(applicationEvents).where(eq(applicationEvents.applicationId, first.id)).get();
  await as(() => correctEvent(first.id, { correctsEventId: consultation?.id, withdraw: "true", correctionReason: `误录，申请人电话 ${PERSON.phone}` }));
  const second = await as(() => registerApplication({ ...registration, idNumber: "" }));
  await as(() => voidApplication(second.id, { reason: `与 ${PERSON.idNumber} 的申请重复` }));

  const changePassword = await serverAction("changePasswordAction");
  const form = new FormData();
  for (const [key, value] of Object.entries({ currentPassword: clerk.password, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })) form.set(key, value);
  expect(await as(() => changePassword.run({ status: "idle" }, form))).toMatchObject({ status: "success" });

  const row = { 收到日期: addDays(today, -3), 申请人类型: "自然人", 申请人: IMPORTED.applicantName, 证件号码: IMPORTED.idNumber, 联系电话: IMPORTED.phone, 通讯地址: IMPORTED.address, 申请内容: "某文件" };
  const upload = await as(() => startLedgerImport(new File([csvText(IMPORT_HEADERS, [{ ...row, 编号: "金丝雀-1" }])], "台账.csv", { type: "text/csv" })));
  await upload.job;
  await (await as(() => confirmLedgerImport(upload.id))).job;
  await asSystem(() => importLedgerFile(csvSource(csvText(IMPORT_HEADERS, [{ ...row, 编号: "金丝雀-2" }]), { name: "台账.csv" }), { agencyCode: "testagency" }));
  // Refused: a bad row is reported with its values, in the answer only.
  await asSystem(() => importLedgerFile(csvSource(csvText(IMPORT_HEADERS, [{ ...row, 编号: "金丝雀-3", 证件号码: "14050219900307123" }]), { name: "台账.csv" }), { agencyCode: "testagency" }));
});

afterAll(() => vi.restoreAllMocks());

describe("personal data after a working session", () => {
  it("is nowhere in the audit trail, which still shows that an ID number was changed", () => {
    const entries = db().select().from(auditLog).all();
    expect(entries.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(["application.register", "application.update", "application.event", "application.event_correct", "application.void", "user.change_password", "application.import"]),
    );
    const kept = entries.map((entry) => [entry.before, entry.after, entry.detail].join("\n")).join("\n");
    for (const canary of [...CANARIES, clerk.password, NEW_PASSWORD]) expect(kept.includes(canary), `the audit trail holds ${canary}`).toBe(false);

    const update = entries.find((entry) => entry.action === "application.update");
    expect(JSON.parse(update?.before ?? "{}")).toMatchObject({ idNumber: PERSONAL_MARKER, phone: PERSONAL_MARKER, applicantName: PERSONAL_MARKER });
    expect(JSON.parse(update?.after ?? "{}")).toMatchObject({ idNumber: CHANGED_PERSONAL_MARKER, phone: CHANGED_PERSONAL_MARKER, applicantName: PERSONAL_MARKER });
  });

  it("is nowhere in what the server printed", () => {
    const output = printed.join("\n");
    for (const canary of [...CANARIES, clerk.password, NEW_PASSWORD]) expect(output.includes(canary), `the output holds ${canary}`).toBe(false);
  });
});
