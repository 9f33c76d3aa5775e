import { routeUser } from "@/lib/http";
import { findLinkableProjects } from "@/lib/practice/queries";
import { searchSchema } from "@/lib/search/schemas";

/**
 * The 典型 form's project picker as one types (GET /api/practice/projects?q=…): projects under way or done whose
 * title or code has the words. Only a cadre writing their 四个一 asks; every county reader may see these projects.
 */
export async function GET(request: Request) {
  const user = await routeUser("practice.write");
  if (user instanceof Response) return user;
  const parsed = searchSchema.safeParse({ q: new URL(request.url).searchParams.get("q") ?? "" });
  if (!parsed.success) {
    return Response.json({ error: parsed.error.issues[0]?.message ?? "搜索词不正确" }, { status: 400, headers: { "cache-control": "no-store" } });
  }
  return Response.json({ items: await findLinkableProjects(parsed.data.words) }, { headers: { "cache-control": "no-store" } });
}
