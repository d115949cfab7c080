import { StreamableFile } from '@nestjs/common';

/** A stored file as an HTTP download: its bytes, length and name (any characters, RFC 6266 `filename*`). */
export function fileResponse(name: string, content: Uint8Array): StreamableFile {
  return new StreamableFile(Buffer.from(content.buffer, content.byteOffset, content.byteLength), {
    type: 'application/octet-stream',
    length: content.byteLength,
    disposition: `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
  });
}
