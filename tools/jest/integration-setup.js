'use strict';
// Integration tests talk to real brokers and databases: give them room (jest ignores per-project testTimeout).
jest.setTimeout(120_000);
