import { unzip } from "../../lib/report/fixtures/unzip";
import { readDatabase } from "./database";
import { expect, test } from "./fixtures";
import { userIdOf, type Persona } from "./personas";
import { PROBE, PROBE_AGENCY, PROBE_MASKED_TAILS, PROBE_PERSONAL_DATA, PROBE_YEAR } from "./records";
import { bodyText, inBatches } from "./requests";

/**
 * A reviewer of another agency asks for the probe agency's records by their ids, and walks the ids one
 * by one: everything of the probe agency is "not found", and nothing of it turns up in any answer.
 */

/** Whatever identifies the probe agency's records: its name, the probe texts and the applicant's data. */
const PROBE_AGENCY_MARKERS = [PROBE_AGENCY.name, "越权探针", ...PROBE_PERSONAL_DATA, ...PROBE_MASKED_TAILS];

const SEARCHED = "越权探针";

/** The text of an answer as a reader gets at it: an XLSX (a zip) is unzipped, every part of it read. */
async function readable(response: { body(): Promise<Buffer> }): Promise<string> {
  const body = await response.body();
  if (body.subarray(0, 2).toString("latin1") === "PK") return [...unzip(body).values()].map((part) => part.toString("utf8")).join("\n");
  return body.toString("utf8");
}

function agencyIdOf(persona: Exclude<Persona, "anonymous">): number {
  const userId = userIdOf(persona);
  return readDatabase((database) => (database.prepare("SELECT agency_id AS id FROM users WHERE id = ?").get(userId) as { id: number }).id);
}

type Owned = { id: number; agencyId: number };

/**
 * Every id there is and a few past the last; only a long run of one agency's ids (the ten thousand rows
 * of the import test) is sampled: its first and last ten, and every 97th between.
 */
function idsToWalk(rows: Owned[]): number[] {
  const runs: Owned[][] = [];
  for (const row of rows) {
    const run = runs.at(-1);
    if (run && run[0]?.agencyId === row.agencyId) run.push(row);
    else runs.push([row]);
  }
  const walked = runs.flatMap((run) => run.filter((row, index) => index < 10 || index >= run.length - 10 || row.id % 97 === 0).map((row) => row.id));
  const last = rows.at(-1)?.id ?? 0;
  return [...walked, ...Array.from({ length: 5 }, (_, past) => last + past + 1)];
}

test("another agency's application, review case, report draft, upload and ledger export are not found and give nothing away", async ({ sessions, records }) => {
  const probeAgencyId = readDatabase((database) => (database.prepare("SELECT id FROM agencies WHERE code = ?").get(PROBE_AGENCY.code) as { id: number }).id);
  // Parameters a tampered address might try, to name the probe agency instead of the caller's own.
  const tamper = `agency=${PROBE_AGENCY.code}&agencyCode=${PROBE_AGENCY.code}&agencyId=${probeAgencyId}`;
  const byId = [
    `/staff/applications/${records.applicationId}`,
    `/staff/applications/${records.applicationId}/edit`,
    `/staff/applications/${records.applicationId}?${tamper}`,
    `/staff/reports/reviews/${records.reviewCaseId}`,
    `/staff/applications/import/${records.importId}`,
  ];
  const ownAgency = [
    `/staff?${tamper}`,
    // The search box shows what was searched for: the probe prefix itself, which is no marker here.
    `/staff/applications?q=${encodeURIComponent(SEARCHED)}&${tamper}`,
    `/staff/applications/export/csv?${tamper}`,
    `/staff/applications/export/json?${tamper}`,
    `/staff/applications/export/xlsx?${tamper}`,
    `/staff/reports/${PROBE_YEAR}?${tamper}`,
    `/staff/reports/${PROBE_YEAR}/cell?row=received&column=total&${tamper}`,
    `/staff/reports/${PROBE_YEAR}/download/json?${tamper}`,
    `/staff/reports/${PROBE_YEAR}/download/csv?${tamper}`,
    `/staff/reports/reviews?${tamper}`,
  ];
  const answers: string[] = [];
  for (const url of [...byId, ...ownAgency]) {
    const response = await sessions.otherAgency.request.get(url, { maxRedirects: 0 });
    const expected = byId.includes(url) ? 404 : 200;
    if (response.status() !== expected) answers.push(`${url}: ${response.status()}, expected ${expected}`);
    const text = await readable(response);
    for (const marker of PROBE_AGENCY_MARKERS) if (marker !== SEARCHED && text.includes(marker)) answers.push(`${url} shows ${marker}`);
  }
  // Nor is the working draft public before it is published.
  const publicDraft = await sessions.anonymous.request.get(`/reports/${PROBE_AGENCY.code}/${PROBE_YEAR}`, { maxRedirects: 0 });
  if (publicDraft.status() !== 404) answers.push(`the public report page of the draft: ${publicDraft.status()}`);
  expect(answers).toEqual([]);

  // The control: the agency's own clerk finds every probe record at these addresses.
  const shown = async (url: string, text: string) => expect((await readable(await sessions.clerk.request.get(url))).includes(text), `${url} shows ${text}`).toBe(true);
  await shown(`/staff/applications/${records.applicationId}`, PROBE.idNumber);
  await shown(`/staff/reports/reviews/${records.reviewCaseId}`, PROBE.reviewReference);
  await shown(`/staff/applications/import/${records.importId}`, PROBE.importedApplicant);
  await shown("/staff/applications/export/xlsx", PROBE.applicantName);
  await shown(`/staff/applications?q=${encodeURIComponent(SEARCHED)}`, `href="/staff/applications/${records.applicationId}"`);
  await shown(`/staff/reports/${PROBE_YEAR}`, PROBE.draftOverview);
  await shown(`/staff/reports/${PROBE_YEAR}/download/json`, PROBE_AGENCY.name);
});

test("walking the ids as another agency's user finds only that agency's own records", async ({ sessions, records }) => {
  test.setTimeout(120_000);
  const ownAgencyId = agencyIdOf("otherAgency");
  const { applications, reviewCases, uploads, foreignNames } = readDatabase((database) => {
    const all = (sql: string) => database.prepare(sql).all() as Owned[];
    const others = database.prepare("SELECT applicant_name AS name, description, address FROM applications WHERE agency_id <> ?").all(ownAgencyId) as { name: string; description: string; address: string | null }[];
    const own = (database.prepare("SELECT applicant_name AS name, description, address FROM applications WHERE agency_id = ?").all(ownAgencyId) as typeof others)
      .map((row) => `${row.name}\n${row.description}\n${row.address ?? ""}`)
      .join("\n");
    return {
      applications: all("SELECT id, agency_id AS agencyId FROM applications ORDER BY id"),
      reviewCases: all("SELECT id, agency_id AS agencyId FROM review_cases ORDER BY id"),
      uploads: database.prepare("SELECT id FROM ledger_imports").all() as { id: string }[],
      // Applicants of other agencies whose names the caller's own records never contain.
      foreignNames: [...new Set(others.map((row) => row.name))].filter((name) => name.length >= 3 && !own.includes(name)),
    };
  });
  const agencyOf = (rows: Owned[]) => new Map(rows.map((row) => [row.id, row.agencyId]));
  const applicationAgency = agencyOf(applications);
  const reviewCaseAgency = agencyOf(reviewCases);
  const walks = [
    ...idsToWalk(applications).map((id) => ({ url: `/staff/applications/${id}`, mine: applicationAgency.get(id) === ownAgencyId })),
    ...idsToWalk(reviewCases).map((id) => ({ url: `/staff/reports/reviews/${id}`, mine: reviewCaseAgency.get(id) === ownAgencyId })),
  ];
  expect(walks.map((walk) => walk.url)).toEqual(expect.arrayContaining([`/staff/applications/${records.applicationId}`, `/staff/reports/reviews/${records.reviewCaseId}`]));
  // The control: the walk also meets records of the caller's own, and those open.
  expect(walks.filter((walk) => walk.mine).map((walk) => walk.url.replace(/\d+$/, ""))).toEqual(expect.arrayContaining(["/staff/applications/", "/staff/reports/reviews/"]));

  const found = await inBatches(walks, 8, async (walk) => {
    const response = await sessions.otherAgency.request.get(walk.url, { maxRedirects: 0 });
    const text = await bodyText(response);
    const wrongStatus = response.status() !== (walk.mine ? 200 : 404) ? [`${walk.url}: ${response.status()}`] : [];
    const shown = [...PROBE_AGENCY_MARKERS, ...foreignNames].filter((marker) => text.includes(marker)).map((marker) => `${walk.url} shows ${marker}`);
    return [...wrongStatus, ...shown];
  });
  expect(found.flat()).toEqual([]);
  // Uploads are named by 128 random bits: there is nothing to walk.
  expect(uploads.every((upload) => /^[0-9a-f]{32}$/.test(upload.id))).toBe(true);
});
