export type { ChargedBand, PriceBand } from "./bands";
export { feeForApplication, feeForApplicationsInMonth, feeForPages, MAX_COUNT } from "./fees";
export { computeFee, type FeeComputation, type FeeMethod, type FeeRequest } from "./compute-fee";
