'use strict';
// Integration tests take the stack's endpoints from env (tools/stack prints them). Without them, and with a
// Docker engine present, they start the same services with testcontainers; otherwise the tests fail with a
// message that says to run the stack (libs/testing/src/stack-env.ts).
const { existsSync } = require('node:fs');

module.exports = async function integrationGlobalSetup() {
  if (process.env.KAFKA_BROKERS || !existsSync('/var/run/docker.sock')) return;
  // jest transforms what global setup requires, so the TypeScript helper loads as is.
  const { startStackContainers } = require('../../libs/testing/src/start-stack-containers');
  const stack = await startStackContainers();
  Object.assign(process.env, stack.env, { LLMOPS_STACK_PROVIDER: 'testcontainers' });
  globalThis.__llmopsStackContainers = stack;
};
