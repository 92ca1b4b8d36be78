import type { Metadata } from "next";
import { PublishedReportPage, publishedReportMetadata } from "./published-report-page";

type Props = { params: Promise<{ agency: string; year: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return publishedReportMetadata(await params);
}

/** The latest published version of an agency's report for a year. */
export default async function LatestReportPage({ params }: Props) {
  return <PublishedReportPage params={await params} />;
}
