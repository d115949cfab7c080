import { Controller, Inject, Logger, type Type } from '@nestjs/common';
import { MessagePattern, Payload, RpcException } from '@nestjs/microservices';
import { ContractError, parseRpcRequest, rpcFailure, type RpcName, type RpcRequest, type Subjects } from '@voltstream/contracts';
import { AuthorizationService } from './authorization.service';

const logger = new Logger('AuthorizationRequests');

/**
 * The request of `name` from its raw bytes (see rpc-envelope.ts). One that does not fit its contract
 * is answered with an `invalid-request` error; the gateway validated the OCPP payloads already, so
 * this guards the service against any other sender.
 */
function parseRequest<Name extends RpcName>(name: Name, data: Uint8Array): RpcRequest<Name> {
  try {
    return parseRpcRequest(name, data);
  } catch (error) {
    if (!(error instanceof ContractError)) throw error;
    logger.warn(error.message);
    throw new RpcException(rpcFailure('invalid-request', error.message));
  }
}

/** The patterns carry the namespace, known only at start-up, so the controller is made per instance. */
export function authorizationController(subjects: Subjects): Type<unknown> {
  @Controller()
  class AuthorizationController {
    constructor(@Inject(AuthorizationService) private readonly authorization: AuthorizationService) {}

    @MessagePattern(subjects.rpc.boot)
    boot(@Payload() request: Uint8Array) {
      return this.authorization.boot(parseRequest('boot', request));
    }

    @MessagePattern(subjects.rpc.authorize)
    authorize(@Payload() request: Uint8Array) {
      return this.authorization.authorize(parseRequest('authorize', request));
    }

    @MessagePattern(subjects.rpc.startTransaction)
    startTransaction(@Payload() request: Uint8Array) {
      return this.authorization.startTransaction(parseRequest('startTransaction', request));
    }

    @MessagePattern(subjects.rpc.stopTransaction)
    stopTransaction(@Payload() request: Uint8Array) {
      return this.authorization.stopTransaction(parseRequest('stopTransaction', request));
    }
  }
  return AuthorizationController;
}
