import Link from "next/link";

const TABS = [
  { href: "/learning", label: "组工讲坛" },
  { href: "/learning/exams", label: "业务考试" },
  { href: "/learning/reflections", label: "心得体会" },
  { href: "/learning/summary", label: "学习情况" },
];

export function LearningNav({ current }: { current: string }) {
  return (
    <nav aria-label="学习" className="mb-4 flex flex-wrap gap-3 border-b border-stone-200 pb-2 text-sm">
      {TABS.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          className={tab.href === current ? "font-semibold text-stone-900" : "link"}
          aria-current={tab.href === current ? "page" : undefined}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
