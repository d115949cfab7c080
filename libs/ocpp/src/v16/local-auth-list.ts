import { UPDATE_STATUSES, UPDATE_TYPES, type UpdateStatus, type UpdateType } from './enums';
import { integer, nested, nestedList, oneOf, Optional, Required } from './fields';
import { ID_TOKEN, IdTagInfo } from './types';

/** Local Auth List Management profile. */

export class GetLocalListVersionRequest {}

export class GetLocalListVersionConfirmation {
  /** 0: the list is empty; -1: the charge point has no local list support. */
  @Required(integer) listVersion: number;
}

export class AuthorizationData {
  @Required(ID_TOKEN) idTag: string;
  /** Absent in a Differential update: remove the tag from the list. */
  @Optional(nested(() => IdTagInfo)) idTagInfo?: IdTagInfo;
}

export class SendLocalListRequest {
  @Required(integer) listVersion: number;
  @Optional(nestedList(() => AuthorizationData)) localAuthorizationList?: AuthorizationData[];
  @Required(oneOf(UPDATE_TYPES)) updateType: UpdateType;
}

export class SendLocalListConfirmation {
  @Required(oneOf(UPDATE_STATUSES)) status: UpdateStatus;
}
