/** The export link of a list: the same filters as the page, without the page number (the export is every page). */
export function exportHref(path: string, filter: Record<string, unknown>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (key !== "page" && value !== undefined && value !== null && value !== "") query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
