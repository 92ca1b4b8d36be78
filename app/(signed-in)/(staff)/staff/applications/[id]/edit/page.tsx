import type { Metadata } from "next";
import Link from "next/link";
import { getApplication } from "@/lib/server/ledger";
import { EditRegistrationForm } from "./edit-form";

export const metadata: Metadata = { title: "修改登记信息" };

export default async function EditApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { application } = await getApplication(id);
  const back = `/staff/applications/${application.id}`;
  return (
    <>
      <p><Link href={back}>← 申请 {application.trackingNumber}</Link></p>
      <h1>修改登记信息：{application.trackingNumber}</h1>
      <div className="panel">
        {application.voidedAt ? (
          <p className="form-message error">申请已作废，不能修改。</p>
        ) : (
          <>
            <p className="muted">修改收到申请之日会重新计算各项期限；收到申请之日不能改到另一年（编号按年编排）。</p>
            <EditRegistrationForm
              applicationId={application.id}
              defaults={{
                channel: application.channel,
                arrivedOn: application.arrivedOn,
                receivedOn: application.receivedOn,
                receivedOnReason: application.receivedOnReason,
                applicantType: application.applicantType,
                applicantName: application.applicantName,
                idNumber: application.idNumber,
                phone: application.phone,
                address: application.address,
                agentName: application.agentName,
                agentPhone: application.agentPhone,
                description: application.description,
                formWanted: application.formWanted,
                notes: application.notes,
              }}
            />
          </>
        )}
      </div>
    </>
  );
}
