import Link from "next/link";

// The search box of the app header. Wider screens get the box (Enter or the magnifier submits GET /search?q=…),
// phones a link to the search page, whose own box takes the whole width. The submit button is named 查找,
// not 搜索, so that it never shadows a page's own 搜索 button.
export function HeaderSearch() {
  return (
    <>
      <form action="/search" method="get" role="search" className="hidden items-center sm:flex">
        <input
          type="search"
          name="q"
          maxLength={50}
          required
          aria-label="全站搜索"
          placeholder="搜索项目、选题、建议、案例"
          className="input h-8 w-48 rounded-r-none py-1 text-sm lg:w-64"
        />
        <button
          type="submit"
          aria-label="查找"
          className="flex h-8 items-center rounded-r border border-l-0 border-stone-300 px-2 text-stone-600 hover:bg-stone-100"
        >
          <MagnifierIcon />
        </button>
      </form>
      <Link href="/search" className="flex items-center gap-1 rounded px-2 py-1 hover:bg-stone-100 sm:hidden" aria-label="搜索">
        <MagnifierIcon />
        搜索
      </Link>
    </>
  );
}

function MagnifierIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2">
      <circle cx="8.5" cy="8.5" r="5.5" />
      <path d="M13 13l4.5 4.5" strokeLinecap="round" />
    </svg>
  );
}
