import { modelVersionView } from '../testing/model-version-view.factory';
import { renderModelCard } from './model-card.renderer';

describe('model card', () => {
  it('generates training data, procedure and evaluation from the version, and asks for the rest', () => {
    const card = renderModelCard({
      modelDescription: 'Answers tickets.',
      version: modelVersionView(),
      overrides: {},
    });
    expect(card.complete).toBe(false);
    expect(card.missingSections).toEqual(['intended-use', 'limitations']);
    expect(card.markdown).toContain('# Model card: support-bot v4');
    expect(card.markdown).toContain(
      '| 0192a4f0-5b1e-7c3a-9d2e-4f6a8b0c1d2e | 3 | 0192b7c1-2d3e-7f40-8a51-b6c7d8e9f0a1 | train |',
    );
    expect(card.markdown).toContain('| learning_rate | 0.0003 |');
    expect(card.markdown).toContain('| eval_perplexity | 5.72 |');
    expect(card.markdown).toContain('## Intended use\n\n_Not documented yet._');
    expect(card.markdown).toContain(
      '### Evaluation results\n\n_Pending: no evaluation evidence attached yet._',
    );
    expect(card.sections.find((s) => s.key === 'overview')).toMatchObject({
      source: 'generated',
      body: 'Answers tickets.',
    });
  });

  it('is complete once intended use and limitations are written', () => {
    const card = renderModelCard({
      modelDescription: '',
      version: modelVersionView(),
      overrides: { 'intended-use': 'Support answers.', limitations: 'English only.' },
    });
    expect(card).toMatchObject({ complete: true, missingSections: [] });
    expect(card.sections.find((s) => s.key === 'limitations')).toMatchObject({ source: 'edited' });
  });

  it('needs training data and evaluation from somewhere: lineage and metrics, or an edit', () => {
    const bare = modelVersionView({ metrics: {}, lineage: { datasets: [], runId: null } });
    const edits = { 'intended-use': 'x', limitations: 'y' };
    expect(
      renderModelCard({ modelDescription: '', version: bare, overrides: edits }).missingSections,
    ).toEqual(['training-data', 'evaluation']);
    const filled = renderModelCard({
      modelDescription: '',
      version: bare,
      overrides: {
        ...edits,
        'training-data': 'Public FAQ pages.',
        evaluation: 'ROUGE-L 0.41 (CI 0.39-0.43).',
      },
    });
    expect(filled.complete).toBe(true);
  });

  it('does not count whitespace as content, and keeps tables intact when text holds pipes', () => {
    const card = renderModelCard({
      modelDescription: '',
      version: modelVersionView({ hyperparameters: { 'a|b': 'x\ny' } }),
      overrides: { 'intended-use': '   ', limitations: 'z' },
    });
    expect(card.missingSections).toEqual(['intended-use']);
    expect(card.markdown).toContain('| a\\|b | x y |');
  });
});
