export * from './async-mutex';
export * from './create-data-source';
export * from './database.config';
export * from './database.module';
export * from './database-readiness';
export * from './is-connection-error';
export * from './transaction-host';
export { PollWakeup } from './poll-wakeup';
