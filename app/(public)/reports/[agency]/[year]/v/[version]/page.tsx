import type { Metadata } from "next";
import { PublishedReportPage, publishedReportMetadata } from "../../published-report-page";

type Props = { params: Promise<{ agency: string; year: string; version: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return publishedReportMetadata(await params);
}

/** One version of a published report, superseded ones marked as such. */
export default async function ReportVersionPage({ params }: Props) {
  return <PublishedReportPage params={await params} />;
}
