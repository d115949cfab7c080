/**
 * What a wallbox uploaded: the raw body, or the file part of a `multipart/form-data` POST (how
 * many wallboxes send a file over HTTP). Walks the body with `indexOf`, never recursively.
 */
export type UploadedFile = { ok: true; content: Buffer; fileName?: string } | { ok: false; reason: string };

const HEADER_END = Buffer.from('\r\n\r\n');

function boundaryOf(contentType: string): string | undefined {
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

function fileNameOf(headers: string): string | undefined {
  const disposition = /^content-disposition:(.*)$/im.exec(headers)?.[1] ?? '';
  const extended = /filename\*=UTF-8''([^;\s]+)/i.exec(disposition)?.[1];
  if (extended !== undefined) {
    try {
      return decodeURIComponent(extended);
    } catch {
      return undefined;
    }
  }
  return /filename="([^"]*)"/i.exec(disposition)?.[1] ?? /filename=([^;\s]+)/i.exec(disposition)?.[1];
}

/** The parts of a multipart body, each with its header text and content. */
function partsOf(body: Buffer, boundary: string): { headers: string; content: Buffer }[] | undefined {
  const delimiter = Buffer.from(`--${boundary}`);
  const next = Buffer.from(`\r\n--${boundary}`);
  let at = body.indexOf(delimiter);
  if (at < 0) return undefined;
  at += delimiter.length;
  const parts: { headers: string; content: Buffer }[] = [];
  while (body.subarray(at, at + 2).toString() !== '--') {
    const headersEnd = body.indexOf(HEADER_END, at);
    const end = body.indexOf(next, headersEnd);
    if (headersEnd < 0 || end < 0) return undefined;
    parts.push({ headers: body.subarray(at, headersEnd).toString('utf8'), content: body.subarray(headersEnd + HEADER_END.length, end) });
    at = end + next.length;
  }
  return parts;
}

export function uploadedFile(contentType: string | undefined, body: Buffer): UploadedFile {
  if (!/^multipart\/form-data\b/i.test(contentType ?? '')) return { ok: true, content: body };
  const boundary = boundaryOf(contentType as string);
  if (boundary === undefined) return { ok: false, reason: 'a multipart/form-data body needs a boundary' };
  const parts = partsOf(body, boundary);
  if (parts === undefined || parts.length === 0) return { ok: false, reason: 'the multipart/form-data body is malformed' };
  const file = parts.find((part) => fileNameOf(part.headers) !== undefined) ?? parts[0];
  return { ok: true, content: file.content, fileName: fileNameOf(file.headers) };
}
