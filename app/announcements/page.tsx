import type { Metadata } from "next";
import Link from "next/link";
import { latestAnnouncements } from "@/lib/awards/queries";
import { lastDayOf } from "@/lib/awards/documents";
import { formatDate } from "@/lib/time";
import { Badge, Card } from "@/components/ui/page";

export const metadata: Metadata = { title: "公示公告" };
export const dynamic = "force-dynamic";

export default async function AnnouncementsPage() {
  const items = await latestAnnouncements();
  const now = new Date();
  return (
    <div className="space-y-4 px-2 sm:px-0">
      <h1 className="text-xl font-semibold">公示公告</h1>
      <Card>
        {items.length === 0 ? (
          <p className="text-sm text-stone-600">目前没有公示。</p>
        ) : (
          <ul className="divide-y divide-stone-100">
            {items.map((item) => {
              // latestAnnouncements selects only what the list shows; the phase needs the period's end only.
              const running = item.status === "ANNOUNCED" && item.announcementEndsAt !== null && now < item.announcementEndsAt;
              return (
                <li key={item.id} className="flex flex-wrap items-center gap-2 py-3">
                  <Link href={`/announcements/${item.id}`} className="link font-medium">
                    {item.title}拟表彰对象公示
                  </Link>
                  {running ? <Badge tone="amber">公示中</Badge> : <Badge>已结束</Badge>}
                  {item.announcementEndsAt && <span className="text-sm text-stone-500">截至 {formatDate(lastDayOf(item.announcementEndsAt))}</span>}
                </li>
              );
            })}
          </ul>
        )}
      </Card>
    </div>
  );
}
