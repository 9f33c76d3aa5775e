import { PublicShell } from "@/components/shell/public-shell";

export default function AnnouncementsLayout({ children }: { children: React.ReactNode }) {
  return (
    <PublicShell home={{ href: "/announcements", label: "公示公告" }} links={[{ href: "/suggest", label: "建言献策" }]}>
      {children}
    </PublicShell>
  );
}
