import "server-only";
import type { IsoDate } from "@/lib/calendar";
import type { EventType } from "@/lib/ledger/event-input";
import type { OutcomeCode } from "@/lib/report/labels";
import { correctEvent, getApplication, recordEvent, registerApplication, voidApplication } from "../ledger";
import type { DemoSession } from "./accounts";

/**
 * The demo ledger is written as a script: each application is its registration and the steps staff
 * took, with their dates. `runScript` plays it through the real data layer as the signed-in demo
 * users, in order of receipt (so tracking numbers follow the dates), and stops an application at the
 * first step that lies after today: what has not happened yet stays undone, and the application is
 * still running.
 */

export type By = "clerk" | "reviewer";

export type Step =
  /** One event as the form sends it (`type` and its fields; `date` is added). */
  | { kind: "event"; date: IsoDate; by?: By; event: { type: EventType } & Record<string, unknown> }
  /** The answer to the consultation still pending (its id is looked up when the step runs). */
  | { kind: "answer"; date: IsoDate; lapsed: boolean; note?: string }
  /** A correction of the latest event of a type, with a reason: a replacement, or a withdrawal. */
  | { kind: "correct"; date: IsoDate; by?: By; type: EventType; reason: string; replacement?: Record<string, unknown> }
  | { kind: "void"; date: IsoDate; reason: string };

export type Registration = {
  channel: string;
  arrivedOn: IsoDate;
  receivedOn?: IsoDate;
  receivedOnReason?: string;
  applicantType: string;
  applicantName: string;
  idNumber?: string;
  phone?: string;
  address?: string;
  agentName?: string;
  agentPhone?: string;
  description: string;
  formWanted: string;
  notes?: string;
};

export type PlannedApplication = {
  registration: Registration;
  /** The legal receipt date (the registration's receivedOn, or its arrival date). */
  receivedOn: IsoDate;
  steps: Step[];
  /** The report outcome and its date when every step has run. */
  outcome: OutcomeCode | null;
  concludedOn: IsoDate | null;
};

export type ExecutedApplication = {
  id: number;
  trackingNumber: string;
  receivedOn: IsoDate;
  /** The outcome and conclusion date, when the application got that far by today. */
  outcome: OutcomeCode | null;
  concludedOn: IsoDate | null;
};

type Sessions = { clerk: DemoSession; reviewer: DemoSession };

async function latestEventId(id: number, type: EventType): Promise<number> {
  const { events } = await getApplication(id);
  const superseded = new Set(events.map((event) => event.correctsEventId));
  const target = events.filter((event) => event.type === type && !superseded.has(event.id)).at(-1);
  if (!target) throw new Error(`demo script: no ${type} event to correct on application ${id}`);
  return target.id;
}

async function runStep(id: number, step: Step): Promise<void> {
  switch (step.kind) {
    case "event":
      return recordEvent(id, { ...step.event, date: step.date });
    case "answer": {
      const { pendingConsultations } = await getApplication(id);
      const consultation = pendingConsultations[0];
      if (!consultation) throw new Error(`demo script: no pending consultation on application ${id}`);
      return recordEvent(id, { type: "consultation_answered", date: step.date, consultationId: consultation.id, lapsed: String(step.lapsed), note: step.note });
    }
    case "correct": {
      const correctsEventId = await latestEventId(id, step.type);
      const change = step.replacement ? { type: step.type, ...step.replacement } : { withdraw: "true" };
      return correctEvent(id, { correctsEventId, correctionReason: step.reason, ...change });
    }
    case "void":
      return voidApplication(id, { reason: step.reason });
  }
}

export async function runScript(plans: readonly PlannedApplication[], sessions: Sessions, today: IsoDate): Promise<ExecutedApplication[]> {
  const executed: ExecutedApplication[] = [];
  const inOrder = [...plans].sort((a, b) => (a.receivedOn < b.receivedOn ? -1 : a.receivedOn > b.receivedOn ? 1 : 0));
  for (const plan of inOrder) {
    if (plan.receivedOn > today || plan.registration.arrivedOn > today) continue;
    const { id, trackingNumber } = await sessions.clerk.run(() => registerApplication(plan.registration));
    let complete = true;
    for (const step of plan.steps) {
      if (step.date > today) {
        complete = false;
        break;
      }
      const by = step.kind === "event" || step.kind === "correct" ? (step.by ?? "clerk") : "clerk";
      await sessions[by].run(() => runStep(id, step));
    }
    executed.push({
      id,
      trackingNumber,
      receivedOn: plan.receivedOn,
      outcome: complete ? plan.outcome : null,
      concludedOn: complete ? plan.concludedOn : null,
    });
  }
  return executed;
}
