import { z } from "zod";
import { routeUser } from "@/lib/http";
import { auditRefusedRead } from "@/lib/auth/refused-read";
import { type DOCUMENT_FORMATS, DOCUMENT_TYPES, safeFileName } from "@/lib/documents/model";
import { DOCUMENTS } from "@/lib/documents/registry";
import { renderDocx } from "@/lib/documents/docx";
import { NO_CHROMIUM, PdfUnavailableError, renderPdf } from "@/lib/documents/pdf";
import { logger } from "@/lib/log";

// Chromium and the docx packer need Node, and every download reads the caller's session.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const paramsSchema = z.object({
  type: z.enum(DOCUMENT_TYPES),
  file: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}\.(pdf|docx)$/)
    .transform((file) => {
      const dot = file.lastIndexOf(".");
      return { id: file.slice(0, dot), format: file.slice(dot + 1) as (typeof DOCUMENT_FORMATS)[number] };
    }),
});

const text = (body: string, status: number) =>
  new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
const CONTENT_TYPES = { pdf: "application/pdf", docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" } as const;

/** /documents/<type>/<id>.pdf|.docx: the document its page shows, for the same readers, as PDF or Word. */
export async function GET(_request: Request, { params }: { params: Promise<{ type: string; file: string }> }) {
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) return text("文件不存在", 404);
  const { type, file } = parsed.data;
  const spec = DOCUMENTS[type];
  let user = null;
  if (spec.permission) {
    const found = await routeUser(spec.permission);
    if (found instanceof Response) return found;
    user = found;
  }
  const doc = await spec.load(user, file.id);
  if (!doc) {
    // Another unit's document and one that does not exist answer alike, and both are on the record (decision
    // 0093); a public document (the 公示) not published yet is nobody's refusal.
    if (user) await auditRefusedRead(user, { entityType: "Document", id: `${type}/${file.id}` });
    return text("文件不存在", 404);
  }
  let content: Buffer;
  try {
    content = file.format === "pdf" ? await renderPdf(doc) : await renderDocx(doc);
  } catch (error) {
    // The reader is told what to do instead (Word, or print the page); the fixed text, never an error's own.
    if (error instanceof PdfUnavailableError) return text(NO_CHROMIUM, 503);
    logger.error({ err: error, document: type, id: file.id }, "document rendering failed");
    return text("生成文件失败，请稍后重试，或用页面上的“打印”另存为 PDF。", 500);
  }
  const name = `${safeFileName(doc.fileName)}.${file.format}`;
  return new Response(new Uint8Array(content), {
    headers: {
      "content-type": CONTENT_TYPES[file.format],
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
      "cache-control": "private, no-store",
    },
  });
}
