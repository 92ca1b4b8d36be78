import { expect, test, type Locator, type Page } from "@playwright/test";
import { addDays, createWorkingCalendar, officialCalendarData, todayInChina, type IsoDate } from "../lib/calendar";
import { EVENT_LABELS, type EventType } from "../lib/ledger/event-input";
import { signInAs } from "./support";

/**
 * The ledger from the staff's side: registration, the timeline of one application through every
 * deadline-moving step, the list, and the walls between agencies.
 *
 * Expected deadlines are counted here from the rules of the 条例 (domain.md §2–§3) with the calendar
 * data alone, not with the deadline engine the app uses; on 2026-11-29 they are also checked against
 * dates counted by hand.
 */

const calendar = createWorkingCalendar(officialCalendarData());
const today = todayInChina();
/** A token that finds this run's applications in the list whatever other tests registered. */
const run = `E2E${Date.now().toString(36).toUpperCase()}`;

/** The n-th working day before today (1 = the last working day before today). */
function workingDaysAgo(n: number): IsoDate {
  let date = today;
  for (let found = 0; found < n; ) {
    date = addDays(date, -1);
    if (calendar.isWorkingDay(date)) found += 1;
  }
  return date;
}

type Registration = {
  channel?: string;
  arrivedOn: string;
  receivedOn?: string;
  receivedOnReason?: string;
  applicantType?: string;
  applicantName: string;
  idNumber?: string;
  phone?: string;
  address?: string;
  agentName?: string;
  agentPhone?: string;
  description: string;
  formWanted?: string;
  notes?: string;
};

async function fillRegistration(page: Page, r: Registration): Promise<void> {
  await page.getByLabel("申请方式").selectOption(r.channel ?? "in_person");
  await page.getByLabel("实际收到日期").fill(r.arrivedOn);
  await page.getByLabel("收到申请之日").fill(r.receivedOn ?? "");
  await page.getByLabel("理由", { exact: true }).fill(r.receivedOnReason ?? "");
  await page.getByLabel("申请人类型").selectOption(r.applicantType ?? "natural_person");
  await page.getByLabel("申请人姓名或名称").fill(r.applicantName);
  await page.getByLabel("证件号码").fill(r.idNumber ?? "");
  await page.getByLabel("联系电话").fill(r.phone ?? "");
  await page.getByLabel("通讯地址").fill(r.address ?? "");
  await page.getByLabel("代理人", { exact: true }).fill(r.agentName ?? "");
  await page.getByLabel("代理人电话").fill(r.agentPhone ?? "");
  await page.getByLabel("所需信息").fill(r.description);
  await page.getByLabel("获取信息的方式").selectOption(r.formWanted ?? "paper");
  await page.getByLabel("备注").fill(r.notes ?? "");
}

/** Registers through the form; returns the detail page's address and the tracking number. */
async function register(page: Page, r: Registration): Promise<{ url: string; trackingNumber: string }> {
  await page.goto("/staff/applications/new");
  await fillRegistration(page, r);
  await page.getByRole("button", { name: "登记" }).click();
  await expect(page).toHaveURL(/\/staff\/applications\/\d+\?saved=registered$/);
  const banner = page.getByRole("status").filter({ hasText: "已登记，编号" });
  const trackingNumber = /编号 (\d{4}-\d{4})/.exec(await banner.innerText())?.[1];
  expect(trackingNumber).toBeTruthy();
  return { url: new URL(page.url()).pathname, trackingNumber: trackingNumber ?? "" };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const eventSummary = (page: Page, type: EventType) => page.locator("summary").filter({ hasText: new RegExp(`^${escapeRegExp(EVENT_LABELS[type])}$`) });

/** Opens the form of one event type (each sits in a closed <details>) and returns it. */
async function openEventForm(page: Page, type: EventType): Promise<Locator> {
  await eventSummary(page, type).click();
  const form = page.getByRole("form", { name: EVENT_LABELS[type], exact: true });
  await expect(form).toBeVisible();
  return form;
}

async function expectSaved(page: Page, message: string): Promise<void> {
  await expect(page.getByRole("status").filter({ hasText: message })).toBeVisible();
}

const replyDue = (page: Page) => page.getByTestId("reply-due");

test("an application from receipt to reply: every step moves the reply deadline shown", async ({ page, browser }) => {
  test.setTimeout(120_000);
  // Dates in the past, far enough back that the first deadline (moved by the correction and the
  // consultation) still lies ahead, so the extension can be asked for and approved in time.
  const d = {
    received: workingDaysAgo(37),
    noticeSent: workingDaysAgo(35),
    correctBy: workingDaysAgo(25),
    correctionReceived: workingDaysAgo(29),
    consultationSent: workingDaysAgo(27),
    consultationAnswered: workingDaysAgo(17),
    extensionRequested: workingDaysAgo(3),
    extensionApproved: workingDaysAgo(2),
    replied: workingDaysAgo(1),
  };
  // The rules, counted on the calendar (art. 30, 32, 33; pauses per domain.md §2).
  const add = (from: IsoDate, n: number, paused?: { after: IsoDate; through: IsoDate }) =>
    calendar.addWorkingDays(from, n, paused ? { excluded: (date) => (date > paused.after && date <= paused.through ? "征求意见" : null) } : undefined).date;
  const consultationAnswerBy = add(d.consultationSent, 15);
  const expected = {
    correctionNoticeBy: add(d.received, 7),
    replyAtReceipt: add(d.received, 20),
    replyAfterCorrection: add(d.correctionReceived, 20),
    // Unanswered: the pause runs to the end of the third party's 15 working days.
    replyWhileConsulting: add(d.correctionReceived, 20, { after: d.consultationSent, through: consultationAnswerBy }),
    replyAfterAnswer: add(d.correctionReceived, 20, { after: d.consultationSent, through: d.consultationAnswered }),
    extended: "",
  };
  expected.extended = add(expected.replyAfterAnswer, 20);
  const pausedDays = calendar.countWorkingDays(d.consultationSent, d.consultationAnswered);
  if (today === "2026-11-29") {
    // Counted by hand on the 2026 schedule: 10-10 is a make-up Saturday, 10-01…10-07 National Day.
    expect(d).toEqual({
      received: "2026-10-09",
      noticeSent: "2026-10-12",
      correctBy: "2026-10-26",
      correctionReceived: "2026-10-20",
      consultationSent: "2026-10-22",
      consultationAnswered: "2026-11-05",
      extensionRequested: "2026-11-25",
      extensionApproved: "2026-11-26",
      replied: "2026-11-27",
    });
    expect(expected).toEqual({
      correctionNoticeBy: "2026-10-19",
      replyAtReceipt: "2026-11-05",
      replyAfterCorrection: "2026-11-17",
      replyWhileConsulting: "2026-12-08",
      replyAfterAnswer: "2026-12-01",
      extended: "2026-12-29",
    });
    expect(pausedDays).toBe(10);
  }
  expect(expected.replyAfterAnswer >= today).toBe(true);

  await signInAs(page, "ledgerclerk");
  const { url, trackingNumber } = await register(page, {
    arrivedOn: d.received,
    applicantName: "李四",
    idNumber: "11010519491231002X",
    phone: "13812345678",
    address: "山西省晋城市城区某街道1号",
    description: `${run} 2025年城区老旧小区改造项目的立项批复文件`,
  });
  expect(trackingNumber.startsWith(d.received.slice(0, 4))).toBe(true);
  await expect(page.getByRole("heading", { name: `申请 ${trackingNumber}` })).toBeVisible();
  // Staff see personal data whole on the detail page.
  await expect(page.getByTestId("id-number")).toHaveText("11010519491231002X");
  await expect(page.getByTestId("phone")).toHaveText("13812345678");
  await expect(page.getByTestId("correction-notice-by")).toHaveText(expected.correctionNoticeBy);
  await expect(page.getByTestId("reply-due-date")).toHaveText(expected.replyAtReceipt);
  await expect(page.getByTestId("status")).toHaveText("办理中");

  // 1. Correction notice (art. 30): the reply clock stops until the corrected application arrives.
  let form = await openEventForm(page, "correction_notice_sent");
  await form.getByLabel("告知日期").fill(d.noticeSent);
  await form.getByLabel("补正期限").fill(d.correctBy);
  await form.getByLabel("说明").fill("请明确所需文件的名称或文号");
  await form.getByRole("button", { name: "记录" }).click();
  await expectSaved(page, "已记录「发出补正告知」");
  await expect(page.getByTestId("status")).toHaveText("待补正");
  await expect(replyDue(page)).toHaveText("等待补正：自收到补正后的申请之日起重新计算");

  // 2. The corrected application: 20 working days from the day it arrived.
  form = await openEventForm(page, "correction_received");
  await form.getByLabel("收到补正日期").fill(d.correctionReceived);
  await form.getByRole("button", { name: "记录" }).click();
  await expectSaved(page, "已记录「收到补正后的申请」");
  await expect(page.getByTestId("status")).toHaveText("办理中");
  await expect(page.getByTestId("reply-due-date")).toHaveText(expected.replyAfterCorrection);

  // 3. Consultation (art. 32): the clock stands still while the third party has not answered.
  form = await openEventForm(page, "consultation_sent");
  await form.getByLabel("发出日期").fill(d.consultationSent);
  await form.getByLabel("征求意见的对象").selectOption("third_party");
  await form.getByLabel("对象名称").fill("晋城某某建设有限公司");
  await form.getByRole("button", { name: "记录" }).click();
  await expectSaved(page, "已记录「发出征求意见」");
  await expect(page.getByTestId("status")).toHaveText("征求意见中");
  await expect(page.getByTestId("reply-due-date")).toHaveText(expected.replyWhileConsulting);

  // 4. The answer: the pause ends the day it arrived.
  form = await openEventForm(page, "consultation_answered");
  await expect(form.getByLabel("对应的征求意见")).toContainText("晋城某某建设有限公司");
  await form.getByLabel("收到答复日期").fill(d.consultationAnswered);
  await form.getByRole("button", { name: "记录" }).click();
  await expectSaved(page, "已记录「收到征求意见答复");
  await expect(page.getByTestId("reply-due-date")).toHaveText(expected.replyAfterAnswer);
  await expect(page.getByTestId("paused-days")).toHaveText(`${pausedDays} 个工作日`);

  // 5. The clerk asks for an extension; only the reviewer may approve it.
  form = await openEventForm(page, "extension_requested");
  await form.getByLabel("申请日期").fill(d.extensionRequested);
  await form.getByLabel("延期理由").fill("涉及多个部门，需进一步核实");
  await form.getByRole("button", { name: "记录" }).click();
  await expectSaved(page, "已记录「申请延期答复」");
  await expect(page.getByTestId("reply-due-date")).toHaveText(expected.replyAfterAnswer);
  await expect(page.getByText("延期申请已提交，等待审核人（负责人）批准。")).toBeVisible();
  await expect(eventSummary(page, "extension_approved")).toHaveCount(0);
  await expect(page.getByRole("form", { name: "批准延期答复" })).toHaveCount(0);

  // 6. The reviewer approves and tells the applicant before the first deadline: 20 more working days.
  const reviewerContext = await browser.newContext();
  const reviewer = await reviewerContext.newPage();
  await signInAs(reviewer, "ledgerreviewer");
  await reviewer.goto("/staff/applications?extensionPending=1");
  await expect(reviewer.getByRole("link", { name: trackingNumber })).toBeVisible();
  await reviewer.goto(url);
  form = await openEventForm(reviewer, "extension_approved");
  await form.getByLabel("批准日期").fill(d.extensionApproved);
  await form.getByLabel("告知申请人日期").fill(d.extensionApproved);
  await form.getByRole("button", { name: "记录" }).click();
  await expectSaved(reviewer, "已记录「批准延期答复」");
  await expect(reviewer.getByTestId("reply-original")).toHaveText(expected.replyAfterAnswer);
  await expect(reviewer.getByTestId("reply-extended")).toHaveText(expected.extended);
  await expect(reviewer.getByTestId("reply-due-date")).toHaveText(expected.extended);
  await expect(reviewer.getByTestId("status")).toHaveText("已延期");
  await reviewerContext.close();

  // 7. The reply concludes the application, within the extended deadline.
  await page.goto(url);
  await expect(page.getByTestId("reply-due-date")).toHaveText(expected.extended);
  form = await openEventForm(page, "replied");
  await form.getByLabel("答复日期").fill(d.replied);
  await form.getByLabel("办理结果").selectOption("granted");
  await form.getByLabel("送达方式").selectOption("in_person");
  await form.getByRole("button", { name: "记录" }).click();
  await expectSaved(page, "已记录「答复」");
  await expect(page.getByTestId("status")).toHaveText("已办结");
  await expect(page.getByTestId("reply-due-date")).toHaveText(expected.extended);
  await expect(page.getByTestId("progress")).toContainText(`${d.replied} 办结：予以公开`);
  await expect(page.getByTestId("progress")).toContainText("按期答复");
  await expect(eventSummary(page, "consultation_sent")).toHaveCount(0);

  // The timeline holds every step, and the trace explains the count.
  const timeline = page.locator("ol.timeline > li");
  await expect(timeline).toHaveCount(7);
  await page.locator("summary", { hasText: "期限计算过程" }).click();
  await expect(page.locator("details.trace")).toContainText(`现行答复期限：${expected.extended}`);

  // The list shows the application concluded, with its outcome.
  await page.goto(`/staff/applications?q=${run}`);
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: trackingNumber }) });
  await expect(row).toContainText("已办结");
  await expect(row).toContainText("予以公开");
  await expect(row).toContainText(expected.extended);
});

test("a clerk of another agency gets 404 for an application's pages and sees none of its data", async ({ page, browser }) => {
  await signInAs(page, "ledgerclerk");
  const { url, trackingNumber } = await register(page, {
    arrivedOn: workingDaysAgo(3),
    applicantName: "王秘密",
    idNumber: "11010519491231002X",
    phone: "13900001111",
    description: `${run} 不应被其他机构看到的申请`,
  });

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signInAs(other, "otherclerk");
  for (const path of [url, `${url}/edit`, "/staff/applications/99999999", "/staff/applications/abc"]) {
    const response = await other.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(other.getByRole("heading", { name: "页面不存在" })).toBeVisible();
    const body = await other.locator("body").innerText();
    for (const secret of [trackingNumber, "王秘密", "王**", "11010519491231002X", "13900001111", run]) expect(body, path).not.toContain(secret);
  }
  // Nor does it show up in that agency's ledger.
  await other.goto(`/staff/applications?q=${run}`);
  await expect(other.getByText("没有符合条件的申请。")).toBeVisible();
  await otherContext.close();
});

test("a refused registration keeps every typed field and says why next to the field", async ({ page }) => {
  await signInAs(page, "ledgerclerk");
  await page.goto("/staff/applications/new");
  await expect(page.getByLabel("申请方式")).toBeFocused();
  const typed: Registration = {
    channel: "email",
    arrivedOn: workingDaysAgo(4),
    receivedOn: workingDaysAgo(2),
    receivedOnReason: "与申请人电话确认之日",
    applicantType: "natural_person",
    applicantName: "赵六",
    // The check digit of 11010519491231002X is X: 1 is wrong.
    idNumber: "110105194912310021",
    phone: "0356-2021234",
    address: "山西省晋城市城区某路8号",
    agentName: "钱七",
    agentPhone: "13700001234",
    description: `${run} 某某路段拓宽工程的征收补偿方案`,
    formWanted: "electronic",
    notes: "申请人要求电子邮件答复",
  };
  await fillRegistration(page, typed);
  // The rule of art. 31 for the chosen channel is shown next to the receipt date.
  await expect(page.getByText("通过互联网渠道或者传真提交的，以双方确认之日为收到申请之日")).toBeVisible();
  await page.getByRole("button", { name: "登记" }).click();

  await expect(page.locator("#field-idNumber-error")).toHaveText("身份证号码校验位不正确");
  await expect(page.getByLabel("证件号码")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("alert").filter({ hasText: "请按提示修改后再提交" })).toBeVisible();
  await expect(page).toHaveURL(/\/staff\/applications\/new$/);
  await expect(page.getByLabel("申请方式")).toHaveValue(typed.channel ?? "");
  await expect(page.getByLabel("实际收到日期")).toHaveValue(typed.arrivedOn);
  await expect(page.getByLabel("收到申请之日")).toHaveValue(typed.receivedOn ?? "");
  await expect(page.getByLabel("理由", { exact: true })).toHaveValue(typed.receivedOnReason ?? "");
  await expect(page.getByLabel("申请人类型")).toHaveValue(typed.applicantType ?? "");
  await expect(page.getByLabel("申请人姓名或名称")).toHaveValue(typed.applicantName);
  await expect(page.getByLabel("证件号码")).toHaveValue(typed.idNumber ?? "");
  await expect(page.getByLabel("联系电话")).toHaveValue(typed.phone ?? "");
  await expect(page.getByLabel("通讯地址")).toHaveValue(typed.address ?? "");
  await expect(page.getByLabel("代理人", { exact: true })).toHaveValue(typed.agentName ?? "");
  await expect(page.getByLabel("代理人电话")).toHaveValue(typed.agentPhone ?? "");
  await expect(page.getByLabel("所需信息")).toHaveValue(typed.description);
  await expect(page.getByLabel("获取信息的方式")).toHaveValue(typed.formWanted ?? "");
  await expect(page.getByLabel("备注")).toHaveValue(typed.notes ?? "");

  // Put right, it registers; Enter in a field submits.
  await page.getByLabel("证件号码").fill("11010519491231002x");
  await page.getByLabel("证件号码").press("Enter");
  await expect(page).toHaveURL(/\/staff\/applications\/\d+\?saved=registered$/);
  await expect(page.getByTestId("id-number")).toHaveText("11010519491231002X");
  await expect(page.getByTestId("received-on")).toContainText(`${typed.receivedOn}（理由：与申请人电话确认之日）`);

  // The registration can be corrected later, prefilled, with a reason.
  await page.getByRole("link", { name: "修改登记信息" }).click();
  await expect(page.getByRole("heading", { name: /^修改登记信息/ })).toBeVisible();
  await expect(page.getByLabel("申请人姓名或名称")).toHaveValue("赵六");
  await expect(page.getByLabel("申请方式")).toHaveValue("email");
  await expect(page.getByLabel("证件号码")).toHaveValue("11010519491231002X");
  await page.getByLabel("申请人姓名或名称").fill("赵六六");
  await page.getByLabel("修改理由").fill("申请人姓名录入有误");
  await page.getByRole("button", { name: "保存修改" }).click();
  await expectSaved(page, "登记信息已修改");
  await expect(page.getByTestId("applicant-name")).toHaveText("赵六六");
});

test("the list masks ID numbers and phones, filters by status, and the workbench links to it", async ({ page }) => {
  await signInAs(page, "ledgerclerk");
  // A known vector of domain.md §3: received 2026-09-15 → correction notice by 09-23, reply by 10-19.
  const late = await register(page, {
    arrivedOn: "2026-09-15",
    applicantName: "孙八",
    idNumber: "11010519491231002X",
    phone: "13812345678",
    description: `${run} 已过期的申请`,
  });
  await expect(page.getByTestId("correction-notice-by")).toHaveText("2026-09-23");
  await expect(page.getByTestId("reply-due-date")).toHaveText("2026-10-19");
  await expect(page.getByTestId("progress")).toContainText("已逾期");

  const waiting = await register(page, {
    arrivedOn: workingDaysAgo(2),
    applicantType: "commercial_enterprise",
    applicantName: "晋城某某商贸有限公司",
    idNumber: "91110000802100433B",
    phone: "0356-2021234",
    description: `${run} 需要补正的申请`,
  });
  const form = await openEventForm(page, "correction_notice_sent");
  await form.getByLabel("告知日期").fill(workingDaysAgo(1));
  await form.getByLabel("补正期限").fill(addDays(today, 15));
  await form.getByRole("button", { name: "记录" }).click();
  await expect(page.getByTestId("status")).toHaveText("待补正");

  await page.goto(`/staff/applications?q=${run}`);
  const rowOf = (trackingNumber: string) => page.getByRole("row").filter({ has: page.getByRole("link", { name: trackingNumber, exact: true }) });
  const lateRow = rowOf(late.trackingNumber);
  await expect(lateRow).toContainText("110105********002X");
  await expect(lateRow).toContainText("138****5678");
  await expect(lateRow).toContainText("孙*");
  await expect(lateRow).toContainText("2026-10-19");
  await expect(lateRow.locator(".tag.bad", { hasText: "逾期" })).toBeVisible();
  await expect(rowOf(waiting.trackingNumber)).toContainText("0356-***1234");
  const table = await page.locator("table.ledger").innerText();
  expect(table).not.toContain("11010519491231002X");
  expect(table).not.toContain("13812345678");
  expect(table).not.toContain("孙八");

  // The status filter of the form…
  await page.getByLabel("状态", { exact: true }).selectOption("awaiting_correction");
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/status=awaiting_correction/);
  await expect(rowOf(waiting.trackingNumber)).toBeVisible();
  await expect(rowOf(late.trackingNumber)).toHaveCount(0);
  for (const text of await page.locator("table.ledger tbody tr").allInnerTexts()) expect(text).toContain("待补正");
  // …and the status tabs, which keep the search.
  await page.getByRole("navigation", { name: "按状态" }).getByRole("link", { name: /^办理中/ }).click();
  await expect(page).toHaveURL(new RegExp(`q=${run}.*status=open|status=open.*q=${run}`));
  await expect(rowOf(late.trackingNumber)).toBeVisible();
  await expect(rowOf(waiting.trackingNumber)).toHaveCount(0);

  // A bad filter value is refused next to its field.
  await page.goto("/staff/applications?dueWithin=99");
  await expect(page.locator("#field-dueWithin-error")).toHaveText("请填写 0–60 的整数");

  // The workbench's overdue card leads to the overdue filter.
  await page.goto("/staff");
  await expect(page.getByTestId("agency-name")).toHaveText("晋城市城区人民政府办公室");
  await expect(page.getByRole("link", { name: "登记新申请" })).toBeVisible();
  const overdueCard = page.getByTestId("card-overdue");
  await expect(overdueCard).toContainText("已逾期");
  expect(Number(await overdueCard.locator(".count").innerText())).toBeGreaterThanOrEqual(1);
  await overdueCard.click();
  await expect(page).toHaveURL(/overdue=1/);
  await expect(page.getByLabel("仅显示逾期")).toBeChecked();
  await expect(page.getByRole("link", { name: late.trackingNumber, exact: true })).toBeVisible();

  // Withdrawing the correction notice: the row stays, struck through with the reason.
  await page.goto(waiting.url);
  await page.locator("summary", { hasText: "更正或撤销" }).first().click();
  const withdraw = page.getByRole("form", { name: /^撤销记录/ });
  await withdraw.getByLabel("撤销理由").fill("误记，未发出补正告知");
  await withdraw.getByRole("button", { name: "撤销此记录" }).click();
  await expectSaved(page, "已撤销该记录");
  await expect(page.getByTestId("status")).toHaveText("办理中");
  await expect(page.locator("ol.timeline li.superseded del")).toContainText("发出补正告知");
  await expect(page.locator("ol.timeline")).toContainText("理由：误记，未发出补正告知");

  // Voiding a mistaken registration: kept, marked, nothing more to record.
  await page.locator("summary", { hasText: "作废此申请" }).click();
  const voidForm = page.getByRole("form", { name: "作废申请" });
  await voidForm.getByLabel("作废理由").fill("重复登记");
  await voidForm.getByRole("button", { name: "作废" }).click();
  await expectSaved(page, "申请已作废");
  await expect(page.getByTestId("status")).toHaveText("已作废");
  await expect(page.getByText("申请已作废，不能再办理。")).toBeVisible();
  await expect(page.locator("details.event-form")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "修改登记信息" })).toHaveCount(0);
});

test("without JavaScript, registration and recording an event still work", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  // Signing in needs JavaScript (docs/decisions/002); sign in first, then turn to a page without it.
  const signIn = await browser.newContext();
  const signInPage = await signIn.newPage();
  await signInAs(signInPage, "ledgerclerk");
  await context.addCookies(await signIn.cookies());
  await signIn.close();

  await page.goto("/staff/applications/new");
  await fillRegistration(page, { arrivedOn: workingDaysAgo(3), applicantName: "周九", idNumber: "11010519491231002Y", description: `${run} 无脚本登记` });
  await page.getByRole("button", { name: "登记" }).click();
  await expect(page.locator("#field-idNumber-error")).toHaveText("身份证号码前17位应为数字，最后一位应为数字或X");
  await expect(page.getByLabel("申请人姓名或名称")).toHaveValue("周九");
  await page.getByLabel("证件号码").fill("");
  await page.getByRole("button", { name: "登记" }).click();
  await expect(page).toHaveURL(/\/staff\/applications\/\d+\?saved=registered$/);

  await page.locator("summary", { hasText: "发出征求意见" }).click();
  const form = page.getByRole("form", { name: "发出征求意见" });
  await form.getByLabel("发出日期").fill(workingDaysAgo(1));
  await form.getByLabel("征求意见的对象").selectOption("agency");
  await form.getByLabel("对象名称").fill("晋城市城区住房和城乡建设局");
  await form.getByRole("button", { name: "记录" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已记录「发出征求意见」" })).toBeVisible();
  await expect(page.getByTestId("status")).toHaveText("征求意见中");
  await context.close();
});
