export default function PublicHome() {
  return (
    <>
      <h1>政府信息公开工作年度报告</h1>
      <div className="panel">
        <p>
          本站公布各机关依照《中华人民共和国政府信息公开条例》第五十条编制的政府信息公开工作年度报告，任何人无需登录即可查阅。
        </p>
        <p className="muted">暂无已发布的年度报告。</p>
      </div>
    </>
  );
}
