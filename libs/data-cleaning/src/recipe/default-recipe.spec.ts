import { compileRecipe } from '../pipeline/compile-recipe';
import { syntheticWebRecords } from '../testing/synthetic-web-text';
import { textRecord } from '../testing/step-test-records';
import { DEFAULT_RECIPE } from './default-recipe';
import { RecipeSchema, STEP_TYPES } from './recipe.schema';

describe('DEFAULT_RECIPE', () => {
  it('survives a JSON round trip unchanged (it is what a stored recipe looks like)', () => {
    expect(RecipeSchema.parse(JSON.parse(JSON.stringify(DEFAULT_RECIPE)))).toEqual(DEFAULT_RECIPE);
  });

  it('only uses known steps, and no near-duplicate step (it compiles without a detector)', () => {
    for (const step of DEFAULT_RECIPE.steps) expect(STEP_TYPES).toContain(step.type);
    expect(() => compileRecipe(DEFAULT_RECIPE)).not.toThrow();
  });

  it('cleans a scraped page into its article, redacted', () => {
    const page = [
      'Skip to main content',
      '<p>The city council voted on Tuesday to extend the opening hours of the central library, which has seen',
      'record numbers of visitors since the renovation finished last spring. Librarians said that students',
      'preparing for exams had asked for quiet space in the evenings, and that the new reading rooms were often',
      'full by early afternoon. The extra hours will be paid for with money saved on heating, after the building',
      'was fitted with better insulation and solar panels. Questions go to library@example.org.</p>',
      '',
      '',
      '',
      '© 2024 City News. All rights reserved.',
    ].join('\n');
    const outcome = compileRecipe(DEFAULT_RECIPE).process(textRecord(page));
    expect('kept' in outcome).toBe(true);
    if (!('kept' in outcome)) return;
    const text = outcome.kept.content.kind === 'text' ? outcome.kept.content.text : '';
    expect(text.startsWith('The city council voted on Tuesday')).toBe(true);
    expect(text).toContain('Questions go to [EMAIL].');
    expect(text).not.toMatch(/Skip to main content|All rights reserved|<p>/);
    expect(outcome.annotations.qualityScore).toBeGreaterThanOrEqual(0.5);
    expect(outcome.annotations.piiHits).toEqual({ email: 1 });
  });

  it('keeps most synthetic web text, dropping copies and junk', () => {
    const pipeline = compileRecipe(DEFAULT_RECIPE);
    const records = syntheticWebRecords(0.5);
    for (const record of records) pipeline.process(record);
    const report = pipeline.report();
    expect(report.input).toBe(records.length);
    expect(report.kept / report.input).toBeGreaterThan(0.85);
    expect(report.droppedByReason['dedup:exact']).toBeGreaterThan(0);
    expect(report.modifiedByStep['remove-boilerplate-lines']).toBeGreaterThan(0);
  });
});
