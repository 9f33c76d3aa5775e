import { routeUser } from "@/lib/http";
import { quickSearch } from "@/lib/search/queries";
import { searchSchema } from "@/lib/search/schemas";

/**
 * The header's search box as one types (GET /api/search?q=…): a few hits per kind the caller may read, scoped as
 * the search page is (lib/search/queries.ts). Never cached: the answer depends on who asks.
 */
export async function GET(request: Request) {
  const user = await routeUser("home.view");
  if (user instanceof Response) return user;
  const parsed = searchSchema.safeParse({ q: new URL(request.url).searchParams.get("q") ?? "" });
  if (!parsed.success) {
    return Response.json({ error: parsed.error.issues[0]?.message ?? "搜索词不正确" }, { status: 400, headers: { "cache-control": "no-store" } });
  }
  return Response.json({ items: await quickSearch(user, parsed.data.words) }, { headers: { "cache-control": "no-store" } });
}
