import { SetMetadata } from '@nestjs/common';

export const AUDIT_RESOURCE_KEY = 'llmops:auth:audit-resource';

/** Names the resource type in audit records (default: the first path segment after `/v1`). */
export const AuditResource = (type: string): MethodDecorator & ClassDecorator =>
  SetMetadata(AUDIT_RESOURCE_KEY, type);
