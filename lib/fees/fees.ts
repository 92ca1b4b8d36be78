import { applicationBandOf, chargeRange, pageBandOf } from "./bands";

/** The fee in 元 for the n-th application (counting from 1) of one applicant in one calendar month. */
export function feeForApplication(nthInMonth: number): number {
  requireCount(nthInMonth, "nthInMonth");
  return applicationBandOf(nthInMonth).unitPrice;
}

/** The total fee in 元 for the first `count` applications of one applicant in one calendar month. */
export function feeForApplicationsInMonth(count: number): number {
  requireCount(count, "count");
  return sumSubtotals(chargeRange(1, count, applicationBandOf));
}

/** The fee in 元 for providing `pages` pages in reply to one application. */
export function feeForPages(pages: number): number {
  requireCount(pages, "pages");
  return sumSubtotals(chargeRange(1, pages, pageBandOf));
}

export function sumSubtotals(bands: readonly { subtotal: number }[]): number {
  return bands.reduce((total, band) => total + band.subtotal, 0);
}

// No real month or reply comes near this; the bound keeps a mistyped figure from building millions of bands.
export const MAX_COUNT = 1_000_000;

export function requireCount(value: number, name: string, minimum = 1): void {
  if (!Number.isInteger(value) || value < minimum || value > MAX_COUNT) {
    throw new RangeError(`${name} must be an integer from ${minimum} to ${MAX_COUNT}, got ${value}`);
  }
}
