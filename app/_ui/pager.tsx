import Link from "next/link";

/** Previous / next links under a paged list; nothing when everything fits on one page. */
export function Pager({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label="分页">
      {page > 1 ? <Link href={href(page - 1)} prefetch={false}>上一页</Link> : null}
      <span>
        第 {page} / {pages} 页
      </span>
      {page < pages ? <Link href={href(page + 1)} prefetch={false}>下一页</Link> : null}
    </nav>
  );
}
