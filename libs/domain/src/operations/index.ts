export type { OperationDecision, FailureKind, OperationFailure } from './failure';
export {
  chargePointRecord,
  decideChargePointForget,
  decideChargePointUpdate,
  decidePasswordChange,
  decidePasswordRotationAbandon,
  decidePasswordRotationStart,
  decideSecurityProfileRaise,
  securityProfileRaiseProblem,
} from './charge-point-settings';
export type { ChangePassword, ChargePointChanges, ChargePointRecord, ForgetChargePoint, RaiseSecurityProfile, UpdateChargePoint } from './charge-point-settings';
export { decideLocalTagRemove, decideLocalTagSave, decideTagRemove, decideTagSave, localTagRecord } from './tags';
export type { LocalTagRecord, RemoveLocalTag, RemoveTag, SaveLocalTag, SaveTag } from './tags';
export { interpretCommandReply, toWallboxCommand, unreachable } from './wallbox-commands';
export type { CommandResult, OperatorCommand } from './wallbox-commands';
export { cancellationAnswered, decideReservation, reservationAnswered } from './reservations';
export type { ReservationTarget, ReserveConnector } from './reservations';
export { chargingProfileFailure } from './charging-profiles';
