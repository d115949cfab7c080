import type { IncomingMessage } from 'node:http';
import { PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';

/**
 * The raw body of a file upload, at most `limit` bytes: beyond, the rest is read and dropped (so
 * that the client gets its 413 on an intact connection) and nothing more is held in memory.
 * JSON and form bodies are parsed by the API before a route sees them: a file sent as one is 415.
 */
export function readFileBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  if ((request as { _body?: unknown })._body) {
    const type = request.headers['content-type'];
    return Promise.reject(new UnsupportedMediaTypeException(`send the file as application/octet-stream (or any type but JSON and forms), not ${type}`));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = Number(request.headers['content-length'] ?? 0) > limit ? limit + 1 : 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    request.on('end', () => (size > limit ? reject(new PayloadTooLargeException(`the file is larger than ${limit} bytes`)) : resolve(Buffer.concat(chunks, size))));
    request.on('error', reject);
  });
}
