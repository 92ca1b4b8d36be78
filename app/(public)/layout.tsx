import Link from "next/link";
import type { ReactNode } from "react";

export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="site-header">
        <div className="bar">
          <Link href="/" className="brand">公开</Link>
          <nav aria-label="公共导航">
            <Link href="/">年度报告</Link>
          </nav>
          <div className="who"><Link href="/login">工作人员登录</Link></div>
        </div>
      </header>
      <main id="main">{children}</main>
      <footer className="site-footer">政府信息公开工作年度报告 · 依据《中华人民共和国政府信息公开条例》</footer>
    </>
  );
}
