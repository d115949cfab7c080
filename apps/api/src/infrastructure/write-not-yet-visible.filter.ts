import { ArgumentsHost, Catch, HttpStatus, type ExceptionFilter } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { WriteNotYetVisibleError } from './write-not-yet-visible.error';

/**
 * 202 Accepted for a write the read models do not show yet: the `Location` (and the body) name the
 * resource written — the path of the PUT or DELETE itself — to GET once they catch up.
 */
@Catch(WriteNotYetVisibleError)
export class WriteNotYetVisibleFilter implements ExceptionFilter<WriteNotYetVisibleError> {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(error: WriteNotYetVisibleError, host: ArgumentsHost): void {
    const { httpAdapter } = this.adapterHost;
    const http = host.switchToHttp();
    const [location] = String(httpAdapter.getRequestUrl(http.getRequest())).split('?');
    const response = http.getResponse();
    httpAdapter.setHeader(response, 'Location', location);
    const message = `${error.message}: GET ${location} shows it once they catch up`;
    httpAdapter.reply(response, { statusCode: HttpStatus.ACCEPTED, message, location, sequence: error.sequence }, HttpStatus.ACCEPTED);
  }
}
