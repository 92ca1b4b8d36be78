import { applicationBandOf, chargeRange, pageBandOf, type ChargedBand } from "./bands";
import { requireCount, sumSubtotals } from "./fees";

/** An office charges either per application or per page, never both (条例 art. 42). */
export type FeeMethod = "per_application" | "per_page";

export type FeeRequest =
  | {
      method: "per_application";
      /** How many applications this charge covers. */
      applications: number;
      /** Applications the same applicant already filed earlier in the same calendar month. */
      earlierInMonth?: number;
    }
  | { method: "per_page"; pages: number };

export type FeeComputation = {
  method: FeeMethod;
  /** Whole 元. */
  amount: number;
  bands: ChargedBand[];
  /** e.g. "按件计收：第1–10件 10件免费；第11–30件 20件×100元＝2000元；第31–35件 5件×200元＝1000元；合计3000元". */
  explanation: string;
};

const UNIT_LABEL: Record<FeeMethod, { prefix: string; unit: string }> = {
  per_application: { prefix: "按件计收", unit: "件" },
  per_page: { prefix: "按量计收", unit: "页" },
};

/** Throws a RangeError when a count is not an integer from 1 to MAX_COUNT (earlierInMonth: from 0). */
export function computeFee(request: FeeRequest): FeeComputation {
  const bands = chargedBands(request);
  const amount = sumSubtotals(bands);
  return { method: request.method, amount, bands, explanation: explain(request.method, bands, amount) };
}

function chargedBands(request: FeeRequest): ChargedBand[] {
  if (request.method === "per_page") {
    requireCount(request.pages, "pages");
    return chargeRange(1, request.pages, pageBandOf);
  }
  const earlier = request.earlierInMonth ?? 0;
  requireCount(request.applications, "applications");
  requireCount(earlier, "earlierInMonth", 0);
  requireCount(earlier + request.applications, "earlierInMonth + applications");
  return chargeRange(earlier + 1, earlier + request.applications, applicationBandOf);
}

function explain(method: FeeMethod, bands: readonly ChargedBand[], amount: number): string {
  const { prefix, unit } = UNIT_LABEL[method];
  const parts = bands.map((band) => {
    const range = band.from === band.to ? `第${band.from}${unit}` : `第${band.from}–${band.to}${unit}`;
    const charge =
      band.unitPrice === 0
        ? `${band.count}${unit}免费`
        : `${band.count}${unit}×${band.unitPrice}元＝${band.subtotal}元`;
    return `${range} ${charge}`;
  });
  return `${prefix}：${parts.join("；")}；合计${amount}元`;
}
