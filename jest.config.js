'use strict';
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([name, [entry]]) => [`^${name}$`, `<rootDir>/${entry}`]),
);

const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      swcrc: false, // .swcrc is the build's (it skips specs); tests get their own options here
      jsc: {
        target: 'es2022',
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
        keepClassNames: true,
      },
      // Dynamic import() stays a real import: jest (run with --experimental-vm-modules) then loads
      // ESM-only packages such as hyparquet through its ESM loader.
      module: { type: 'commonjs', ignoreDynamic: true },
    },
  ],
  // ESM-only dependencies (hyparquet) are compiled to CommonJS for jest's module loader.
  '^.+\\.js$': [
    '@swc/jest',
    {
      swcrc: false,
      jsc: { target: 'es2022', parser: { syntax: 'ecmascript' } },
      module: { type: 'commonjs' },
    },
  ],
};

const transformIgnorePatterns = ['/node_modules/(?!(hyparquet)/)'];

const common = {
  rootDir: __dirname,
  transform,
  transformIgnorePatterns,
  moduleNameMapper,
  testEnvironment: 'node',
};

/** unit: pure and in-process tests beside the code; integration: against the real stack (tools/stack). */
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,tools}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs}/**/test/**/*.int.ts', '<rootDir>/test/**/*.int.ts'],
      setupFilesAfterEnv: ['<rootDir>/tools/jest/integration-setup.js'],
      globalSetup: '<rootDir>/tools/jest/integration-global-setup.js',
      globalTeardown: '<rootDir>/tools/jest/integration-global-teardown.js',
    },
  ],
};
