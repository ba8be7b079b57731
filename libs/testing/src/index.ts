export * from './free-port';
export * from './fresh-database';
export * from './service-process';
export * from './stack-env';
export * from './wait-for';
export * from './start-stack-containers';
export * from './platform-harness';
export * from './kubernetes-stand-in';
