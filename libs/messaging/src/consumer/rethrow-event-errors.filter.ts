import { type ArgumentsHost, Catch, type RpcExceptionFilter } from '@nestjs/common';
import { type Observable, throwError } from 'rxjs';

/**
 * Nest's default RPC filter replaces an event handler's error with a generic object; the consumer needs
 * the original error to decide between retry, outage and dead-letter, so this filter passes it through.
 */
@Catch()
export class RethrowEventErrorsFilter implements RpcExceptionFilter {
  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => exception);
  }
}
