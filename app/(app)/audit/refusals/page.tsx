import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { refusalsFilterSchema, repeatedRefusals } from "@/lib/audit/queries";
import { PageHeader } from "@/components/ui/page";
import { RefusalGroups } from "@/components/audit/refusal-groups";

export const metadata: Metadata = { title: "反复被拒绝的访问" };

export default async function RefusalsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requirePermission("audit.view");
  const filter = refusalsFilterSchema.parse(await searchParams);
  const result = await repeatedRefusals(filter);
  return (
    <div>
      <PageHeader title="反复被拒绝的访问" description="未登录、越权或访问其他单位记录而被拒绝的请求，按 IP 地址或账户归并，次数多的在前" />
      <RefusalGroups filter={filter} {...result} />
    </div>
  );
}
