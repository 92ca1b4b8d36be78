import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";

// Every response carries a fresh CSP nonce and most show per-user data: nothing is prerendered.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "公开 · 政府信息公开工作平台", template: "%s · 公开" },
  description: "依申请公开台账、法定期限与政府信息公开工作年度报告",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>
        <a className="skip-link" href="#main">跳到正文</a>
        {children}
      </body>
    </html>
  );
}
