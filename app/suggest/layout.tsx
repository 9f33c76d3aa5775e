import { PublicShell } from "@/components/shell/public-shell";

export default function SuggestLayout({ children }: { children: React.ReactNode }) {
  return (
    <PublicShell
      home={{ href: "/suggest", label: "建言献策" }}
      links={[
        { href: "/suggest/lookup", label: "查询答复" },
        { href: "/announcements", label: "公示公告" },
      ]}
    >
      {children}
    </PublicShell>
  );
}
