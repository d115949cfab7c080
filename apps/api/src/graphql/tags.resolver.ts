import { UseFilters } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { LocalTagsService } from '../tags/local-tags.service';
import type { TagView } from '../tags/tag.view';
import { TagsService } from '../tags/tags.service';
import { IdentityArgs, IdTagArgs, LocalTagArgs, SaveLocalTagArgs, SaveTagArgs } from './arguments';
import { GraphqlErrorFilter } from './graphql-errors';
import { TagObject } from './tag.types';

@UseFilters(GraphqlErrorFilter)
@Resolver(() => TagObject)
export class TagsResolver {
  constructor(
    private readonly tagsService: TagsService,
    private readonly localTagsService: LocalTagsService,
  ) {}

  @Query(() => [TagObject], { description: 'the central tag list' })
  tags(): Promise<TagView[]> {
    return this.tagsService.list();
  }

  @Query(() => TagObject, { nullable: true, description: 'one tag of the central list; NOT_FOUND when not listed' })
  tag(@Args() { idTag }: IdTagArgs): Promise<TagView> {
    return this.tagsService.get(idTag);
  }

  @Query(() => [TagObject], { description: "a charge point's local tag list" })
  localTags(@Args() { identity }: IdentityArgs): Promise<TagView[]> {
    return this.localTagsService.list(identity);
  }

  @Mutation(() => TagObject, { description: 'adds the tag to the central list, or replaces its entry' })
  async saveTag(@Args() { idTag, input }: SaveTagArgs): Promise<TagView> {
    return (await this.tagsService.put(idTag, input ?? {})).resource;
  }

  @Mutation(() => Boolean)
  async removeTag(@Args() { idTag }: IdTagArgs): Promise<true> {
    await this.tagsService.remove(idTag);
    return true;
  }

  @Mutation(() => TagObject, { description: "adds the tag to the charge point's local list, or replaces its entry" })
  async saveLocalTag(@Args() { identity, idTag, input }: SaveLocalTagArgs): Promise<TagView> {
    return (await this.localTagsService.put(identity, idTag, input ?? {})).resource;
  }

  @Mutation(() => Boolean)
  async removeLocalTag(@Args() { identity, idTag }: LocalTagArgs): Promise<true> {
    await this.localTagsService.remove(identity, idTag);
    return true;
  }
}
