import { ledgerImportTemplate } from "@/lib/server/ledger-export";
import { attachment } from "@/lib/http/download-headers";

/** The blank import template (XLSX) for the agency's staff; the data layer checks the session. */
export async function GET() {
  const file = await ledgerImportTemplate();
  return new Response(new Uint8Array(file.body), { headers: attachment(file) });
}
