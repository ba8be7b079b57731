import { DEFAULT_RECIPE } from '../recipe/default-recipe';
import { measureThroughput } from './measure-throughput';
import { syntheticWebRecords } from './synthetic-web-text';

// Only checks that the measurement runs and counts sensibly; the figure itself comes from
// `bash libs/data-cleaning/bench/measure-throughput.sh` (no timing assertions in tests).
describe('measureThroughput', () => {
  it('runs the default recipe over synthetic web text and reports what it did', () => {
    const records = syntheticWebRecords(0.3);
    const result = measureThroughput(DEFAULT_RECIPE, records);
    expect(result.records).toBe(records.length);
    expect(result.megabytes).toBeGreaterThan(0.29);
    expect(result.megabytesPerSecond).toBeGreaterThan(0);
    expect(result.report.input).toBe(records.length);
    expect(result.report.kept).toBeGreaterThan(records.length * 0.8);
    expect(result.report.droppedByReason['dedup:exact']).toBeGreaterThan(0);
  });
});
