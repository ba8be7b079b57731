export * from './labeling.module';
