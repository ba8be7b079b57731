'use strict';
module.exports = async function integrationGlobalTeardown() {
  await globalThis.__llmopsStackContainers?.stop();
};
