import {
  Module,
  type ClassProvider,
  type DynamicModule,
  type ExistingProvider,
  type FactoryProvider,
  type ModuleMetadata,
  type Provider,
  type Type,
  type ValueProvider,
} from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ApiKeyService } from './api-keys/api-key.service';
import { AuditInterceptor } from './audit/audit.interceptor';
import { AuditSink } from './audit/audit.sink';
import { LoggerAuditSink } from './audit/logger-audit.sink';
import { AUTH_CONFIG, type AuthConfig } from './auth.config';
import { AuthGuard } from './guards/auth.guard';
import { JwtVerifier } from './jwt/jwt-verifier.service';

/** How to build the {@link AuditSink}: a class, or any provider recipe without `provide`. */
export type AuditSinkProvider =
  | Type<AuditSink>
  | Omit<ClassProvider<AuditSink>, 'provide'>
  | Omit<ValueProvider<AuditSink>, 'provide'>
  | Omit<FactoryProvider<AuditSink>, 'provide'>
  | Omit<ExistingProvider<AuditSink>, 'provide'>;

export interface AuthModuleOptions {
  /** Where audit records go; default {@link LoggerAuditSink} (log lines only). */
  auditSink?: AuditSinkProvider;
  /** Modules the sink's dependencies come from. */
  imports?: ModuleMetadata['imports'];
}

function auditSinkProvider(sink: AuditSinkProvider | undefined): Provider {
  if (sink === undefined) return { provide: AuditSink, useClass: LoggerAuditSink };
  if (typeof sink === 'function') return { provide: AuditSink, useClass: sink };
  return { ...sink, provide: AuditSink };
}

/**
 * Authentication, authorization and audit for a whole Nest application. Import it once, in the
 * application's root module (the standalone host imports it once for all services): it registers
 * {@link AuthGuard} as APP_GUARD and {@link AuditInterceptor} as APP_INTERCEPTOR.
 */
@Module({})
export class AuthModule {
  static forRoot(config: AuthConfig, options: AuthModuleOptions = {}): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      imports: options.imports ?? [],
      providers: [
        { provide: AUTH_CONFIG, useValue: config },
        JwtVerifier,
        ApiKeyService,
        AuthGuard,
        AuditInterceptor,
        auditSinkProvider(options.auditSink),
        { provide: APP_GUARD, useExisting: AuthGuard },
        { provide: APP_INTERCEPTOR, useExisting: AuditInterceptor },
      ],
      exports: [AUTH_CONFIG, JwtVerifier, ApiKeyService, AuditSink],
    };
  }
}
