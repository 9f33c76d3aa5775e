import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { isSectionCadre } from "@/lib/learning/reach";
import { ownerChoices } from "@/lib/ledger/queries";
import { formatDate } from "@/lib/time";
import { PageHeader } from "@/components/ui/page";
import { ProblemForm } from "@/components/ledger/problem-form";

export const metadata: Metadata = { title: "登记遗留问题" };

export default async function NewProblemPage() {
  const user = await requirePermission("ledger.write");
  if (!isSectionCadre(user)) notFound();
  const owners = await ownerChoices(user);
  return (
    <div>
      <PageHeader title="登记遗留问题" description={`${user.unit.fullName}：科室负责人可指定本科室的责任人，其他同志登记自己负责的问题`} />
      <ProblemForm owners={owners} today={formatDate(new Date())} initial={{ title: "", since: "", measures: "", targetDate: "", ownerId: user.id }} />
    </div>
  );
}
