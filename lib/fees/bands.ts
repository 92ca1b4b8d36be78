/** A run of consecutive items (applications or pages) that share one unit price. */
export type PriceBand = { from: number; to: number; unitPrice: number };

/** The part of a band that a charge actually covers. */
export type ChargedBand = PriceBand & { count: number; subtotal: number };

// 国办函〔2020〕109号, per application: 1–10 free, 11–30 at 100 元, then 200 元 for 31–40 and
// another 100 元 for every further ten, without end.
const FREE_APPLICATIONS = 10;
const FIRST_PAID_APPLICATION_BAND: PriceBand = { from: 11, to: 30, unitPrice: 100 };
const APPLICATION_STEP_SIZE = 10;
const APPLICATION_STEP_PRICE = 100;

/** The price band that contains the n-th application of one applicant in one calendar month. */
export function applicationBandOf(nthInMonth: number): PriceBand {
  if (nthInMonth <= FREE_APPLICATIONS) return { from: 1, to: FREE_APPLICATIONS, unitPrice: 0 };
  if (nthInMonth <= FIRST_PAID_APPLICATION_BAND.to) return FIRST_PAID_APPLICATION_BAND;
  const stepIndex = Math.floor((nthInMonth - FIRST_PAID_APPLICATION_BAND.to - 1) / APPLICATION_STEP_SIZE);
  const from = FIRST_PAID_APPLICATION_BAND.to + 1 + stepIndex * APPLICATION_STEP_SIZE;
  return {
    from,
    to: from + APPLICATION_STEP_SIZE - 1,
    unitPrice: FIRST_PAID_APPLICATION_BAND.unitPrice + (stepIndex + 1) * APPLICATION_STEP_PRICE,
  };
}

// Per page of one application: 1–30 free, 31–100 at 10 元, 101–200 at 20 元, 201 and up at 40 元.
const PAGE_BANDS: readonly PriceBand[] = [
  { from: 1, to: 30, unitPrice: 0 },
  { from: 31, to: 100, unitPrice: 10 },
  { from: 101, to: 200, unitPrice: 20 },
  { from: 201, to: Number.POSITIVE_INFINITY, unitPrice: 40 },
];

export function pageBandOf(page: number): PriceBand {
  const band = PAGE_BANDS.find((candidate) => page <= candidate.to);
  if (!band) throw new RangeError(`no page band for page ${page}`);
  return band;
}

/** Splits the items first..last into the bands that price them. */
export function chargeRange(first: number, last: number, bandOf: (item: number) => PriceBand): ChargedBand[] {
  const charged: ChargedBand[] = [];
  for (let item = first; item <= last; ) {
    const band = bandOf(item);
    const to = Math.min(band.to, last);
    const count = to - item + 1;
    charged.push({ from: item, to, unitPrice: band.unitPrice, count, subtotal: count * band.unitPrice });
    item = to + 1;
  }
  return charged;
}
