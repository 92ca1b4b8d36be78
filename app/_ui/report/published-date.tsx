import { formatPublishedDate, isoDateInChina } from "./format";

/** When a report version was published, as a date in China. */
export function PublishedDate({ value }: { value: string }) {
  return <time dateTime={isoDateInChina(value)}>{formatPublishedDate(value)}</time>;
}
