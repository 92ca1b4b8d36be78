import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main">
      <div className="panel">
        <h1>页面不存在</h1>
        <p>您要找的页面不存在，或您没有查看它的权限。</p>
        <p><Link href="/">返回首页</Link></p>
      </div>
    </main>
  );
}
