import type { Metadata } from "next";
import Link from "next/link";
import { weekdayName } from "@/lib/calendar";
import { getCalendarYear } from "@/lib/server/calendar";
import { CalendarDayForm, CalendarYearForm, RemoveDayButton } from "./calendar-forms";

export const metadata: Metadata = { title: "工作日历" };

export default async function CalendarPage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  const { year: requested } = await searchParams;
  const calendar = await getCalendarYear(requested);
  return (
    <>
      <div className="page-head">
        <h1>工作日历 {calendar.year} 年</h1>
        <nav className="actions" aria-label="选择年份">
          <Link href={`/admin/calendar?year=${calendar.year - 1}`}>← {calendar.year - 1}</Link>
          <Link href={`/admin/calendar?year=${calendar.year + 1}`}>{calendar.year + 1} →</Link>
        </nav>
      </div>
      <div className="panel">
        <p>
          {calendar.published ? (
            <span className="tag ok">已公布</span>
          ) : (
            <span className="tag warn">未公布：落在本年的期限标为“暂定”</span>
          )}{" "}
          工作日为周一至周五，减去下列放假日，加上调休上班日。任何修改都会立即重新计算所有在办申请的期限。
        </p>
        <CalendarYearForm year={calendar.year} published={calendar.published} source={calendar.source} />
      </div>
      <div className="panel">
        <h2>添加或修改</h2>
        <CalendarDayForm year={calendar.year} />
      </div>
      <table className="list">
        <thead><tr><th scope="col">日期</th><th scope="col">星期</th><th scope="col">安排</th><th scope="col">节日</th><th scope="col">操作</th></tr></thead>
        <tbody>
          {calendar.days.map((day) => (
            <tr key={day.date}>
              <td>{day.date}</td>
              <td>{weekdayName(day.date)}</td>
              <td>{day.kind === "holiday" ? <span className="tag">放假</span> : <span className="tag warn">调休上班</span>}</td>
              <td>{day.name}</td>
              <td><RemoveDayButton date={day.date} /></td>
            </tr>
          ))}
          {calendar.days.length === 0 ? <tr><td colSpan={5} className="muted">本年尚未录入放假安排。</td></tr> : null}
        </tbody>
      </table>
      {calendar.statutory.length > 0 ? (
        <div className="panel">
          <h2>未公布年份仍适用的法定节假日</h2>
          <p className="muted">{calendar.statutory.map((day) => `${day.date} ${day.name}`).join("；")}</p>
        </div>
      ) : null}
    </>
  );
}
