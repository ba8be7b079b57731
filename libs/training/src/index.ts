export * from './training.module';
