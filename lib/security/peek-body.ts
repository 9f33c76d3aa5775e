// The production server checks a server action's body before Next reads it (scripts/server.ts, decision 0113): it
// reads the body and puts it back, so that Next then reads the same bytes as if nothing had touched them.
import type http from "node:http";

/**
 * Reads a request's whole body (its Content-Length, at most the guard's 1 MB) and puts it back on the stream
 * (Readable.unshift, before the stream's end), so that Next reads it afterwards as if it had not been touched.
 */
export function peekBody(request: http.IncomingMessage, length: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (error?: Error) => {
      request.off("readable", onReadable);
      request.off("end", onEnd);
      request.off("error", finish);
      request.off("close", onClose);
      if (error) return reject(error);
      const body = Buffer.concat(chunks);
      if (!request.readableEnded && body.length > 0) request.unshift(body);
      resolve(body.toString("utf8"));
    };
    const onReadable = () => {
      while (size < length) {
        const chunk: Buffer | null = request.read();
        if (chunk === null) return;
        chunks.push(chunk);
        size += chunk.length;
      }
      finish();
    };
    const onEnd = () => finish();
    const onClose = () => finish(new Error("request closed before its body was read"));
    request.on("readable", onReadable);
    request.on("end", onEnd);
    request.on("error", finish);
    request.on("close", onClose);
  });
}
