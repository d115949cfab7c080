import { Inject, Injectable } from '@nestjs/common';
import { decideTagRemove, decideTagSave } from '@voltstream/domain';
import { TagRow } from '@voltstream/read-models';
import type { DataSource, Repository } from 'typeorm';
import { EventLog } from '../infrastructure/event-log.service';
import { notFound } from '../infrastructure/operation-failed.error';
import type { PutOutcome } from '../infrastructure/resource-routes';
import { READ_MODELS } from '../infrastructure/tokens';
import type { PutTagBody } from './tag.dto';
import { toTagEntry, toTagView, type TagView } from './tag.view';

/** The central tag list: valid on every charge point whose start mode uses it. */
@Injectable()
export class TagsService {
  private readonly tags: Repository<TagRow>;

  constructor(
    @Inject(READ_MODELS) readModels: DataSource,
    private readonly eventLog: EventLog,
  ) {
    this.tags = readModels.getRepository(TagRow);
  }

  async list(): Promise<TagView[]> {
    return (await this.tags.find({ order: { idTag: 'ASC' } })).map(toTagView);
  }

  async get(idTag: string): Promise<TagView> {
    const row = await this.tags.findOneBy({ idTag });
    if (!row) throw notFound(`tag ${idTag} not found`);
    return toTagView(row);
  }

  async put(idTag: string, body: PutTagBody): Promise<PutOutcome<TagView>> {
    const command = { tag: toTagEntry(idTag, body), at: new Date() };
    const before = await this.eventLog.changeCentralTag(idTag, (tag) => decideTagSave(command, tag));
    // The entry as written: a DELETE right after it may already be in the read models.
    return { resource: command.tag, created: before === null };
  }

  async remove(idTag: string): Promise<void> {
    await this.eventLog.changeCentralTag(idTag, (tag) => decideTagRemove({ idTag, at: new Date() }, tag));
  }
}
