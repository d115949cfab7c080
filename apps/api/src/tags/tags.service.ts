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
    const current = await this.current(idTag);
    await this.eventLog.commit(decideTagSave({ tag: toTagEntry(idTag, body), at: new Date() }, current));
    return { resource: await this.get(idTag), created: current === null };
  }

  async remove(idTag: string): Promise<void> {
    await this.eventLog.commit(decideTagRemove({ idTag, at: new Date() }, await this.current(idTag)));
  }

  private async current(idTag: string): Promise<TagView | null> {
    const row = await this.tags.findOneBy({ idTag });
    return row && toTagView(row);
  }
}
