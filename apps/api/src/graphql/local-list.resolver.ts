import { UseFilters } from '@nestjs/common';
import { Args, ArgsType, Field, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { IsBoolean, IsOptional } from 'class-validator';
import type { WallboxAnswer } from '../commands/commands.service';
import { LocalListService } from '../local-list/local-list.service';
import type { LocalListSyncView, LocalListVersionView, LocalListView } from '../local-list/local-list.view';
import { IdentityArgs } from './arguments';
import { GraphqlErrorFilter } from './graphql-errors';

@ObjectType('LocalList', { description: "Where a charge point's local authorization list stands" })
export class LocalListObject implements LocalListView {
  @Field(() => Int)
  wantedVersion: number;

  @Field(() => Int, { nullable: true })
  acknowledgedVersion: number | null;

  @Field(() => Int, { nullable: true })
  reportedVersion: number | null;

  @Field({ description: 'inSync, pending or notSupported' })
  state: string;

  @Field()
  notSupported: boolean;

  @Field(() => Int, { nullable: true })
  maxLength: number | null;

  @Field(() => String, { nullable: true })
  lastStatus: string | null;

  @Field(() => String, { nullable: true })
  lastUpdateType: string | null;

  @Field(() => String, { nullable: true })
  lastSentAt: string | null;

  @Field(() => Int, { nullable: true, description: 'entries the charge point holds; null while unknown' })
  heldEntries: number | null;
}

@ObjectType('LocalListChange', { description: "Where a charge point's local authorization list stands after a change" })
export class LocalListChangeObject {
  @Field()
  chargePointIdentity: string;

  @Field(() => LocalListObject)
  localList: LocalListObject;
}

@ObjectType('LocalListSync', { description: "The wallbox's answer to the last SendLocalList, or InSync" })
export class LocalListSyncObject implements LocalListSyncView {
  @Field()
  status: string;

  @Field(() => Int)
  version: number;

  @Field(() => String, { nullable: true })
  updateType?: string;

  @Field(() => Int, { nullable: true })
  chunks?: number;
}

@ObjectType('LocalListVersion')
export class LocalListVersionObject implements LocalListVersionView {
  @Field(() => Int, { description: '0: empty list; -1: no local list support' })
  listVersion: number;
}

@ArgsType()
export class SyncLocalListArgs extends IdentityArgs {
  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  full?: boolean;

  @Field({ nullable: true, description: 'an empty full list (version 0): clears the list' })
  @IsOptional()
  @IsBoolean()
  empty?: boolean;
}

/** Local Auth List Management: the sync state, a sync and GetLocalListVersion (as the REST routes). */
@UseFilters(GraphqlErrorFilter)
@Resolver()
export class LocalListResolver {
  constructor(private readonly lists: LocalListService) {}

  @Query(() => LocalListObject)
  localList(@Args() { identity }: IdentityArgs): Promise<LocalListView> {
    return this.lists.get(identity);
  }

  @Mutation(() => LocalListSyncObject, { description: 'SendLocalList: differential unless full, in chunks' })
  syncLocalList(@Args() { identity, full, empty }: SyncLocalListArgs): Promise<WallboxAnswer> {
    return this.lists.sync(identity, { full, empty });
  }

  @Mutation(() => LocalListVersionObject, { description: 'GetLocalListVersion, relayed and recorded' })
  getLocalListVersion(@Args() { identity }: IdentityArgs): Promise<WallboxAnswer> {
    return this.lists.readVersion(identity);
  }
}
