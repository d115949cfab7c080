import { EXTENDED_MESSAGE_TRIGGERS, TRIGGER_MESSAGE_STATUSES, type ExtendedMessageTrigger, type TriggerMessageStatus } from './enums';
import { ciString, dateTime, integer, oneOf, Optional, Required } from './fields';

/** OCPP 1.6 Security Whitepaper (edition 3). */

export class SecurityEventNotificationRequest {
  @Required(ciString(50)) type: string;
  @Required(dateTime) timestamp: string;
  @Optional(ciString(255)) techInfo?: string;
}

export class SecurityEventNotificationConfirmation {}

export class ExtendedTriggerMessageRequest {
  @Required(oneOf(EXTENDED_MESSAGE_TRIGGERS)) requestedMessage: ExtendedMessageTrigger;
  @Optional(integer) connectorId?: number;
}

export class ExtendedTriggerMessageConfirmation {
  @Required(oneOf(TRIGGER_MESSAGE_STATUSES)) status: TriggerMessageStatus;
}
