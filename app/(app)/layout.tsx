import { AppShell } from "@/components/shell/app-shell";
import { requireUser } from "@/lib/auth/current-user";
import { unreadCount } from "@/lib/notifications/queries";

// Every page below also checks its own permission: a layout is not re-run on client navigation.
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <AppShell user={user} unread={await unreadCount(user.id)}>
      {children}
    </AppShell>
  );
}
