import { MESSAGE_TRIGGERS, TRIGGER_MESSAGE_STATUSES, type MessageTrigger, type TriggerMessageStatus } from './enums';
import { integer, oneOf, Optional, Required } from './fields';

/** Remote Trigger profile. */

export class TriggerMessageRequest {
  @Required(oneOf(MESSAGE_TRIGGERS)) requestedMessage: MessageTrigger;
  @Optional(integer) connectorId?: number;
}

export class TriggerMessageConfirmation {
  @Required(oneOf(TRIGGER_MESSAGE_STATUSES)) status: TriggerMessageStatus;
}
