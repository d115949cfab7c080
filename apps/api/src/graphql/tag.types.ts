import { Field, ObjectType } from '@nestjs/graphql';
import type { TagOwnerView, TagView } from '../tags/tag.view';

@ObjectType('TagOwner')
export class TagOwnerObject implements TagOwnerView {
  @Field()
  firstName: string;

  @Field()
  lastName: string;

  @Field()
  email: string;
}

@ObjectType('Tag', { description: 'An id tag of the central list or of a charge point’s local list (SPEC §2)' })
export class TagObject extends TagOwnerObject implements TagView {
  @Field()
  idTag: string;

  @Field()
  info: string;

  @Field(() => String, { nullable: true, description: 'ISO 8601; after it the tag answers Expired' })
  expiresAt: string | null;

  @Field({ description: 'a blocked tag answers Blocked' })
  blocked: boolean;

  @Field(() => String, { nullable: true })
  parentIdTag: string | null;
}
