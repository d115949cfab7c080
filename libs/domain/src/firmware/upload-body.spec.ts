import { describe, expect, it } from 'vitest';
import { uploadedFile } from './upload-body';

const multipart = (boundary: string, ...parts: string[]) =>
  Buffer.from(`${parts.map((part) => `--${boundary}\r\n${part}\r\n`).join('')}--${boundary}--\r\n`);

describe('the file a wallbox uploads', () => {
  it('a raw body is the file itself, whatever its type', () => {
    expect(uploadedFile('application/octet-stream', Buffer.from('log'))).toEqual({ ok: true, content: Buffer.from('log') });
    expect(uploadedFile(undefined, Buffer.from('log'))).toEqual({ ok: true, content: Buffer.from('log') });
  });

  it('a multipart/form-data POST gives the file part and its name, with CRLFs and dashes inside the content kept', () => {
    const body = multipart(
      'XyZ',
      'Content-Disposition: form-data; name="note"\r\n\r\nhello',
      'Content-Disposition: form-data; name="file"; filename="diag 1.log"\r\nContent-Type: text/plain\r\n\r\nline 1\r\n--not the boundary\r\nline 3',
    );
    expect(uploadedFile('multipart/form-data; boundary=XyZ', body)).toEqual({
      ok: true,
      content: Buffer.from('line 1\r\n--not the boundary\r\nline 3'),
      fileName: 'diag 1.log',
    });
  });

  it('reads quoted boundaries and RFC 5987 file names; without a file name, the first part', () => {
    const named = multipart('a b', `Content-Disposition: form-data; name="f"; filename*=UTF-8''d%C3%BC.log\r\n\r\nx`);
    expect(uploadedFile('multipart/form-data; boundary="a b"', named)).toEqual({ ok: true, content: Buffer.from('x'), fileName: 'dü.log' });
    const anonymous = multipart('b', 'Content-Disposition: form-data; name="f"\r\n\r\ny');
    expect(uploadedFile('multipart/form-data; boundary=b', anonymous)).toEqual({ ok: true, content: Buffer.from('y'), fileName: undefined });
  });

  it('refuses a multipart body without a boundary, or one that never ends', () => {
    expect(uploadedFile('multipart/form-data', Buffer.from('x'))).toEqual({ ok: false, reason: 'a multipart/form-data body needs a boundary' });
    expect(uploadedFile('multipart/form-data; boundary=b', Buffer.from('--b\r\nContent-Disposition: form-data\r\n\r\nno end'))).toEqual({
      ok: false,
      reason: 'the multipart/form-data body is malformed',
    });
    expect(uploadedFile('multipart/form-data; boundary=b', Buffer.from('nothing'))).toEqual({ ok: false, reason: 'the multipart/form-data body is malformed' });
  });
});
