import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { unitOptions } from "@/lib/units/queries";
import { PageHeader } from "@/components/ui/page";
import { UserForm } from "@/components/users/user-form";

export const metadata: Metadata = { title: "新建账户" };

export default async function NewUserPage() {
  await requirePermission("users.manage");
  return (
    <div>
      <PageHeader title="新建账户" description="系统生成临时密码，本人首次登录时须修改" />
      <UserForm units={await unitOptions()} />
    </div>
  );
}
