import { Controller, Inject, type Type } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { Subjects } from '@voltstream/contracts';
import { AuthorizationService } from './authorization.service';
import {
  parseAuthorizeRequest,
  parseBootRequest,
  parseStartTransactionRequest,
  parseStopTransactionRequest,
} from './requests';

/** The patterns carry the namespace, known only at start-up, so the controller is made per instance. */
export function authorizationController(subjects: Subjects): Type<unknown> {
  @Controller()
  class AuthorizationController {
    constructor(@Inject(AuthorizationService) private readonly authorization: AuthorizationService) {}

    @MessagePattern(subjects.rpc.boot)
    boot(@Payload() request: unknown) {
      return this.authorization.boot(parseBootRequest(request));
    }

    @MessagePattern(subjects.rpc.authorize)
    authorize(@Payload() request: unknown) {
      return this.authorization.authorize(parseAuthorizeRequest(request));
    }

    @MessagePattern(subjects.rpc.startTransaction)
    startTransaction(@Payload() request: unknown) {
      return this.authorization.startTransaction(parseStartTransactionRequest(request));
    }

    @MessagePattern(subjects.rpc.stopTransaction)
    stopTransaction(@Payload() request: unknown) {
      return this.authorization.stopTransaction(parseStopTransactionRequest(request));
    }
  }
  return AuthorizationController;
}
