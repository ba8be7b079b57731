import { SetMetadata } from '@nestjs/common';

export const SKIP_AUDIT_KEY = 'llmops:auth:skip-audit';

/**
 * Not audited although the method is POST/PUT/PATCH/DELETE. Only for calls that change no state,
 * such as search queries or inference (`POST /v1/chat/completions`), which are logged elsewhere.
 */
export const SkipAudit = (): MethodDecorator & ClassDecorator => SetMetadata(SKIP_AUDIT_KEY, true);
