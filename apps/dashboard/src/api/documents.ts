import { gql } from 'urql';

const CONNECTOR = `connectorId meterValue available status errorCode transaction transactionId
  transactionMeterStart transactionMeterEnd transactionIdTag transactionConsumption`;
const CHARGE_POINT = `identity state online lastSeenAt startMode autoStartIdTag vendor model serialNumber firmwareVersion
  lastIdTag status errorCode connectors { ${CONNECTOR} }`;
const TAG = 'idTag firstName lastName email info expiresAt blocked parentIdTag';
const TRANSACTION = `transactionId chargePointIdentity connectorId idTag tagOwner { firstName lastName email }
  meterStart meterEnd consumption startedAt stoppedAt stopReason`;
const STATUS = 'status';

export const FLEET = gql`
  query Fleet($search: String, $state: ChargePointState, $online: Boolean, $offset: Int, $limit: Int) {
    fleet(search: $search, state: $state, online: $online, offset: $offset, limit: $limit) { total discovered online items { ${CHARGE_POINT} } }
  }`;

export const CHARGE_POINT_CHANGED = gql`
  subscription ChargePointChanged($identity: String, $current: Boolean) { chargePointChanged(identity: $identity, current: $current) { ${CHARGE_POINT} } }`;

export const CONNECTOR_CHANGED = gql`
  subscription ConnectorChanged($identity: String) { connectorChanged(identity: $identity) { chargePointIdentity connector { ${CONNECTOR} } } }`;

export const CHARGE_POINT_DETAIL = gql`
  query ChargePoint($identity: String!) {
    chargePoint(identity: $identity) { ${CHARGE_POINT} }
    localTags(identity: $identity) { ${TAG} }
  }`;

export const ADOPT = gql`
  mutation Adopt($identity: String!, $input: ChargePointInput) { adoptChargePoint(identity: $identity, input: $input) { ${CHARGE_POINT} } }`;

export const CHANGE_AVAILABILITY = gql`
  mutation ChangeAvailability($identity: String!, $connectorId: Int!, $available: Boolean!) {
    changeAvailability(identity: $identity, connectorId: $connectorId, available: $available) { ${STATUS} }
  }`;
export const REMOTE_START = gql`
  mutation RemoteStart($identity: String!, $idTag: String!, $connectorId: Int) {
    remoteStart(identity: $identity, idTag: $idTag, connectorId: $connectorId) { ${STATUS} }
  }`;
export const REMOTE_STOP = gql`
  mutation RemoteStop($identity: String!, $transactionId: Int!) { remoteStop(identity: $identity, transactionId: $transactionId) { ${STATUS} } }`;
export const RESET = gql`
  mutation Reset($identity: String!, $type: ResetType!) { reset(identity: $identity, type: $type) { ${STATUS} } }`;
export const UNLOCK = gql`
  mutation Unlock($identity: String!, $connectorId: Int!) { unlock(identity: $identity, connectorId: $connectorId) { ${STATUS} } }`;
export const TRIGGER = gql`
  mutation Trigger($identity: String!, $message: TriggerMessage!, $connectorId: Int) {
    trigger(identity: $identity, message: $message, connectorId: $connectorId) { ${STATUS} }
  }`;
export const CHANGE_CONFIGURATION = gql`
  mutation ChangeConfiguration($identity: String!, $key: String!, $value: String!) {
    changeConfiguration(identity: $identity, key: $key, value: $value) { ${STATUS} }
  }`;
export const GET_CONFIGURATION = gql`
  query GetConfiguration($identity: String!) { getConfiguration(identity: $identity) { configurationKey { key readonly value } unknownKey } }`;

export const SAVE_LOCAL_TAG = gql`
  mutation SaveLocalTag($identity: String!, $idTag: String!, $input: TagInput) { saveLocalTag(identity: $identity, idTag: $idTag, input: $input) { ${TAG} } }`;
export const REMOVE_LOCAL_TAG = gql`
  mutation RemoveLocalTag($identity: String!, $idTag: String!) { removeLocalTag(identity: $identity, idTag: $idTag) }`;

export const TAGS = gql`query Tags { tags { ${TAG} } }`;
export const SAVE_TAG = gql`
  mutation SaveTag($idTag: String!, $input: TagInput) { saveTag(idTag: $idTag, input: $input) { ${TAG} } }`;

export const TRANSACTIONS = gql`
  query Transactions($chargePoint: String, $active: Boolean, $limit: Int, $cursor: String) {
    transactions(chargePoint: $chargePoint, active: $active, limit: $limit, cursor: $cursor) { nextCursor items { ${TRANSACTION} } }
  }`;
export const TRANSACTION_DETAIL = gql`
  query Transaction($transactionId: Int!) { transaction(transactionId: $transactionId) { ${TRANSACTION} meterValues { timestamp measurand value unit phase } } }`;

export const CONSUMPTION = gql`
  query Consumption($from: String!, $to: String!, $groupBy: ConsumptionGrouping!) {
    consumption(from: $from, to: $to, groupBy: $groupBy) { day key label energyWh transactions }
  }`;
