import type { Metadata } from "next";
import { SUGGESTION_MACHINE } from "@/lib/suggestions/states";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { createChallenge } from "@/lib/security/challenge";
import { activeAspects, mySuggestions } from "@/lib/suggestions/queries";
import { STATUS_LABELS } from "@/lib/suggestions/catalog";
import { formatDate } from "@/lib/time";
import { Badge, Card } from "@/components/ui/page";
import { SuggestionForm } from "@/components/suggestions/suggestion-form";

export const metadata: Metadata = { title: "我为组织工作改革创新建言献策" };

export default async function SuggestPage() {
  const signedIn = await getCurrentUser();
  const user = signedIn && !signedIn.mustChangePassword && !signedIn.needsSecondFactor && can(signedIn.roles, "suggestions.submit") ? signedIn : null;
  const [aspects, mine] = await Promise.all([activeAspects(), user ? mySuggestions(user.id) : []]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">我为组织工作改革创新建言献策</h1>
        <p className="mt-1 text-sm text-stone-600">
          围绕干部工作、基层党建、人才工作、组织部门自身建设，欢迎您提出意见和建议。每一条都会有专人阅处，并通过回执号答复。
        </p>
      </div>
      <Card>
        <SuggestionForm
          aspects={aspects}
          challenge={user ? null : createChallenge(process.env.NEXTAUTH_SECRET ?? "")}
          signedInAs={user ? `${user.name}（${user.unit.fullName}）` : null}
        />
      </Card>
      {user && mine.length > 0 && (
        <Card title="我提交的建议">
          <ul className="divide-y divide-stone-100 text-sm">
            {mine.map((item) => (
              <li key={item.id} className="py-2">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-mono text-xs">{item.receiptNo}</span>
                  <Badge tone={SUGGESTION_MACHINE.tone(item.status)}>{STATUS_LABELS[item.status]}</Badge>
                  <span className="text-stone-500">
                    {formatDate(item.createdAt)} · {item.aspect.name}
                  </span>
                </div>
                <p className="mt-1 line-clamp-2 whitespace-pre-wrap">{item.content}</p>
                {item.reply && <p className="mt-1 whitespace-pre-wrap text-emerald-800">答复：{item.reply}</p>}
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
