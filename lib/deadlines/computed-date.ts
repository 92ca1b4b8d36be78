import type { WorkingDayCount } from "../calendar";
import type { ComputedDate } from "./report-types";

export function computed(count: WorkingDayCount): ComputedDate {
  return { date: count.date, provisional: count.provisional, unpublishedYears: count.unpublishedYears };
}

export function fixedDate(date: string): ComputedDate {
  return { date, provisional: false, unpublishedYears: [] };
}
