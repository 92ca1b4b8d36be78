import type { ComputedDate, DeadlineReport } from "@/lib/deadlines";
import { PARTY_LABELS } from "@/lib/ledger/codes";
import { DELIVERY_LABELS } from "@/lib/ledger/codes";
import { outcomeLabel } from "../labels";

export function Dated({ value, testId }: { value: ComputedDate; testId?: string }) {
  return (
    <>
      <span className="date" data-testid={testId}>{value.date}</span>
      {value.provisional ? (
        <span className="provisional" title={`${value.unpublishedYears.join("、")} 年节假日安排尚未公布，按法定节假日推算`}>（暂定）</span>
      ) : null}
    </>
  );
}

function Progress({ report, extensionPending }: { report: DeadlineReport; extensionPending: boolean }) {
  if (report.conclusion) {
    const { conclusion } = report;
    return (
      <>
        {conclusion.date} 办结：{outcomeLabel(conclusion.outcome)}
        {conclusion.delivery ? `（${DELIVERY_LABELS[conclusion.delivery]}）` : null}{" "}
        {report.overdue === true ? <span className="tag bad">超过答复期限</span> : report.overdue === false && conclusion.kind === "replied" ? <span className="tag ok">按期答复</span> : null}
      </>
    );
  }
  if (report.status === "awaiting_correction") {
    return <>等待申请人补正{report.correction.applicantOverdue ? <> <span className="tag bad">补正期限已过</span></> : null}</>;
  }
  if (report.overdue && report.workingDaysRemaining !== null) {
    return <span className="tag bad">已逾期 {-report.workingDaysRemaining} 个工作日</span>;
  }
  if (report.workingDaysRemaining === null) return <>—</>;
  return (
    <>
      {report.pausedToday ? <span className="tag warn">暂停计算中</span> : null}{" "}
      {report.workingDaysRemaining === 0 ? <span className="tag warn">今日到期</span> : <>还有 {report.workingDaysRemaining} 个工作日{report.pausedToday ? "（恢复计算后）" : ""}</>}
      {extensionPending ? <>；<span className="tag warn">延期待批准</span></> : null}
    </>
  );
}

/** Every deadline the engine computed for the application, with 暂定 marks. */
export function DeadlinesPanel({ report, extensionPending }: { report: DeadlineReport; extensionPending: boolean }) {
  const { correction, reply } = report;
  return (
    <section className="panel" aria-labelledby="deadlines-heading">
      <h2 id="deadlines-heading">期限</h2>
      <dl className="facts">
        <dt>收到申请之日</dt>
        <dd>{report.receivedOn}</dd>

        <dt>补正告知期限</dt>
        <dd>
          <Dated value={correction.noticeBy} testId="correction-notice-by" />
          {correction.noticeSentOn ? `，已于 ${correction.noticeSentOn} 告知` : null}
          {correction.noticeLate ? <> <span className="tag bad">告知晚于期限</span></> : null}
        </dd>

        {correction.applicantDueBy ? (
          <>
            <dt>申请人补正期限</dt>
            <dd>
              {correction.applicantDueBy}
              {correction.receivedOn ? `，${correction.receivedOn} 收到补正` : report.status === "awaiting_correction" ? "，等待补正" : null}
            </dd>
          </>
        ) : null}

        <dt>现行答复期限</dt>
        <dd data-testid="reply-due">
          {reply ? (
            <Dated value={reply.final} testId="reply-due-date" />
          ) : report.status === "awaiting_correction" ? (
            "等待补正：自收到补正后的申请之日起重新计算"
          ) : (
            "—"
          )}
        </dd>

        {reply ? (
          <>
            <dt>起算日</dt>
            <dd>
              {reply.clockStart}（{reply.clockStartReason === "correction" ? "收到补正后的申请之日" : "收到申请之日"}，不计当日）
            </dd>
            <dt>原答复期限</dt>
            <dd>
              <Dated value={reply.original} testId="reply-original" />（20 个工作日{reply.pausedWorkingDays > 0 ? `，不计暂停期间；不计暂停时为 ${reply.withoutPauses.date}` : ""}）
            </dd>
            {reply.extension ? (
              <>
                <dt>延长后答复期限</dt>
                <dd>
                  <Dated value={reply.extension.deadline} testId="reply-extended" />（{reply.extension.approvedOn} 批准，{reply.extension.notifiedOn} 告知申请人）
                </dd>
              </>
            ) : extensionPending ? (
              <>
                <dt>延长答复期限</dt>
                <dd><span className="tag warn">已申请，待审核人批准</span></dd>
              </>
            ) : null}
            {reply.laterReplyBy ? (
              <>
                <dt>第三十五条确定的答复期限</dt>
                <dd>{reply.laterReplyBy}</dd>
              </>
            ) : null}
            <dt>暂停计算</dt>
            <dd data-testid="paused-days">{reply.pausedWorkingDays} 个工作日</dd>
          </>
        ) : null}

        <dt>办理进度</dt>
        <dd data-testid="progress">
          <Progress report={report} extensionPending={extensionPending} />
        </dd>
      </dl>

      {report.consultations.length > 0 ? (
        <>
          <h3>征求意见</h3>
          <table className="list compact">
            <thead>
              <tr><th>编号</th><th>对象</th><th>发出日期</th><th>答复期限（15 个工作日）</th><th>答复情况</th><th>暂停工作日</th></tr>
            </thead>
            <tbody>
              {report.consultations.map((consultation) => (
                <tr key={consultation.id} data-testid={`consultation-${consultation.id}`}>
                  <td>{consultation.id}</td>
                  <td>{PARTY_LABELS[consultation.party]}</td>
                  <td>{consultation.sentOn}</td>
                  <td><Dated value={consultation.answerBy} /></td>
                  <td>
                    {consultation.answeredOn
                      ? `${consultation.answeredOn} 答复${consultation.answeredLate ? "（逾期答复）" : ""}`
                      : consultation.overdue
                        ? <span className="tag bad">期满未答复</span>
                        : "等待答复"}
                  </td>
                  <td>{consultation.pause.workingDaysAdded}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}

      {report.fee ? (
        <>
          <h3>信息处理费</h3>
          <dl className="facts">
            <dt>金额</dt>
            <dd>{report.fee.amountYuan} 元</dd>
            <dt>收费通知</dt>
            <dd>{report.fee.noticeSentOn} 发出，申请人 {report.fee.noticeReceivedOn} 收到</dd>
            <dt>缴费期限</dt>
            <dd>
              <Dated value={report.fee.payBy} testId="fee-pay-by" />
              {report.fee.paidOn ? `，${report.fee.paidOn} 已缴费${report.fee.paidLate ? "（逾期缴费）" : ""}` : null}
              {report.fee.abandonedOn ? `，${report.fee.abandonedOn} 视为放弃` : null}
              {report.fee.paymentOverdue ? <> <span className="tag bad">逾期未缴费</span></> : null}
            </dd>
            <dt>暂停计算</dt>
            <dd>{report.fee.pause.workingDaysAdded} 个工作日</dd>
          </dl>
        </>
      ) : null}

      {report.provisional ? (
        <p className="muted">标「暂定」的期限：{report.unpublishedYears.join("、")} 年节假日安排尚未公布，按法定节假日推算，调休公布后会重新计算。</p>
      ) : null}

      {report.warnings.length > 0 ? (
        <div className="warnings" role="note" aria-label="提醒">
          <h3>提醒</h3>
          <ul>
            {report.warnings.map((warning) => <li key={warning}>{warning}</li>)}
          </ul>
        </div>
      ) : null}

      <details className="trace">
        <summary>期限计算过程</summary>
        <ol>
          {report.trace.map((line, index) => <li key={index}>{line}</li>)}
        </ol>
      </details>
    </section>
  );
}
