import type { ProjectedConnector } from './records';

/** A connector the wallbox mentioned before it reported a status for it. */
export const UNKNOWN_STATUS = 'Unknown';

export function newConnector(chargePointIdentity: string, connectorId: number): ProjectedConnector {
  return {
    chargePointIdentity,
    connectorId,
    meterValue: null,
    available: true,
    status: UNKNOWN_STATUS,
    errorCode: '',
    transaction: false,
    transactionId: null,
    transactionMeterStart: 0,
    transactionMeterEnd: null,
    transactionIdTag: null,
    transactionConsumption: 0,
  };
}

export function withStatus(connector: ProjectedConnector, status: string, errorCode: string): ProjectedConnector {
  return { ...connector, status, errorCode, available: status !== 'Unavailable' };
}

export function withRegisterReading(connector: ProjectedConnector, registerWh: number | undefined): ProjectedConnector {
  return registerWh === undefined ? connector : { ...connector, meterValue: registerWh / 1000 };
}

/** Wh since the start of the transaction; a meter that went backwards counts as nothing. */
export function consumptionSince(meterStart: number, registerWh: number): number {
  return Math.max(0, Math.round(registerWh - meterStart));
}
