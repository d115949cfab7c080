import { ciString, dateTime, Optional, Required } from './fields';

/** OCPP 1.6 Security Whitepaper (edition 3). */

export class SecurityEventNotificationRequest {
  @Required(ciString(50)) type: string;
  @Required(dateTime) timestamp: string;
  @Optional(ciString(255)) techInfo?: string;
}

export class SecurityEventNotificationConfirmation {}
