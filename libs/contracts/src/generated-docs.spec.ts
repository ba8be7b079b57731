import path from 'node:path';

// The generator lives in tools/ because it needs node:fs and yaml, which contracts must not depend on; this
// test runs it in-process so a stale docs/events fails the contracts' own unit tests.
// eslint-disable-next-line @nx/enforce-module-boundaries -- tools/contracts is a repo tool, not a lib
import { checkEventDocs, generateEventDocs } from '../../../tools/contracts/event-docs';

const root = path.resolve(__dirname, '..', '..', '..');

describe('generated event docs (docs/events)', () => {
  it('are up to date with the contracts; run `npm run contracts:generate` if this fails', () => {
    expect(checkEventDocs(root)).toEqual([]);
  });

  it('are deterministic', () => {
    expect(generateEventDocs(root)).toEqual(generateEventDocs(root));
  });
});
