export * from './data-record';
export * from './record-text';
