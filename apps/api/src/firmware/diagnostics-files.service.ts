import { BadRequestException, ForbiddenException, Inject, Injectable } from '@nestjs/common';
import type { Config } from '@voltstream/config';
import { createEvent } from '@voltstream/contracts';
import { fileNameProblem, uploadedFile } from '@voltstream/domain';
import { EventPublisher, type FileStore, type StoredFile } from '@voltstream/nats';
import { notFound } from '../infrastructure/operation-failed.error';
import { API_CONFIG } from '../infrastructure/tokens';
import { CsmsLinks } from './csms-links.service';
import { DIAGNOSTICS_FILES } from './file-stores';
import type { DiagnosticsFileView } from './firmware.view';

/** Each charge point's diagnostics files: `<identity>/<file name>` in the object store. */
const objectName = (identity: string, name: string) => `${identity}/${name}`;

function view(identity: string, file: StoredFile): DiagnosticsFileView {
  return { name: file.name.slice(identity.length + 1), size: file.size, sha256: file.sha256, uploadedAt: file.storedAt };
}

/** Diagnostics files wallboxes upload to the CSMS, kept in the object store, listed and served to operators. */
@Injectable()
export class DiagnosticsFiles {
  constructor(
    @Inject(DIAGNOSTICS_FILES) private readonly files: FileStore,
    @Inject(API_CONFIG) private readonly config: Config,
    private readonly links: CsmsLinks,
    private readonly publisher: EventPublisher,
  ) {}

  get maxBytes(): number {
    return this.config.diagnosticsMaxBytes;
  }

  /** Refuses a link that is not the charge point's own before its body is read. */
  admit(identity: string, token: string): void {
    if (!this.links.admitsUpload(identity, token)) throw new ForbiddenException('not an upload URL of this charge point');
  }

  /**
   * What a wallbox sent: the raw body, or the file part of a multipart/form-data POST; its name is
   * the one in the URL, else the one in the multipart part.
   */
  async receiveUpload(identity: string, urlFileName: string | undefined, contentType: string | undefined, body: Buffer): Promise<DiagnosticsFileView> {
    const file = uploadedFile(contentType, body);
    if (!file.ok) throw new BadRequestException([`body: ${file.reason}`]);
    const name = urlFileName ?? file.fileName;
    if (name === undefined) throw new BadRequestException(['fileName is required: after the upload URL, or as the filename of the multipart part']);
    const problem = fileNameProblem(name);
    if (problem !== null) throw new BadRequestException([`fileName ${problem}`]);
    return this.receive(identity, name, file.content);
  }

  /**
   * Stores the file, then records DiagnosticsFileUploaded once JetStream holds it; the same file
   * uploaded again (a wallbox's retry) is recorded once.
   */
  private async receive(identity: string, name: string, content: Buffer): Promise<DiagnosticsFileView> {
    const stored = await this.files.put(objectName(identity, name), content);
    const { size, sha256 } = stored;
    const event = createEvent('DiagnosticsFileUploaded', { name, size, sha256 }, identity, new Date(stored.storedAt));
    await this.publisher.publish(event, `${identity}:diagnostics:${name}:${sha256}`);
    return view(identity, stored);
  }

  async list(identity: string): Promise<DiagnosticsFileView[]> {
    return (await this.files.list(objectName(identity, ''))).map((file) => view(identity, file));
  }

  async read(identity: string, name: string): Promise<{ file: DiagnosticsFileView; content: Uint8Array }> {
    const found = await this.files.read(objectName(identity, name));
    if (found === null) throw notFound(`charge point ${identity} has no diagnostics file ${name}`);
    return { file: view(identity, found.file), content: found.content };
  }
}
