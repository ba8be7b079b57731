export * from './all-services';
export * from './create-platform-app';
export * from './outbox-audit.sink';
export * from './platform.config';
export * from './run-platform';
export * from './service-definition';
export * from './service-ports';
