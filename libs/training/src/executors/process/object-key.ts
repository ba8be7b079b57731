export { objectKeyOf } from '@llmops/storage';
