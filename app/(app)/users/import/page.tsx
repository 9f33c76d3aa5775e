import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { ALL_ROLES, ROLE_LABELS } from "@/lib/auth/roles";
import { USER_IMPORT_COLUMNS } from "@/lib/users/import";
import { Card, PageHeader } from "@/components/ui/page";
import { ImportFlow } from "@/components/imports/import-flow";

export const metadata: Metadata = { title: "导入账户" };

export default async function ImportUsersPage() {
  await requirePermission("users.manage");
  return (
    <div className="space-y-4">
      <PageHeader title="从 Excel 导入账户" description="系统为每个账户生成临时密码，导入后只显示一次，本人首次登录时须修改" />
      <Card title="填写说明">
        <ul className="list-disc space-y-1 pl-5 text-sm text-stone-700">
          <li>第一行为列名：{USER_IMPORT_COLUMNS.join("、")}。“用户名”“姓名”“所在单位”“角色”必填。</li>
          <li>用户名 3 至 32 位，以字母开头，只含字母、数字、下划线、点和短横线；不能与已有账户或表中其他行重复。</li>
          <li>所在单位填单位名称或单位编码（重名的单位请填编码）。</li>
          <li>角色填：{ALL_ROLES.map((role) => ROLE_LABELS[role]).join("、")}；多个角色用顿号分隔。管理员、安全管理员、审计管理员须分设账户（三权分立）。</li>
          <li>上传后先预览，逐行显示可以导入或问题所在，此时尚未写入；确认后导入可以导入的行。文件不超过 2 MB，一次最多 2000 行。</li>
        </ul>
        <a href="/users/import/template" className="link mt-3 inline-block text-sm">
          下载导入模板
        </a>
      </Card>
      <ImportFlow kind="users" />
    </div>
  );
}
