import { parseTrainerOutputLine } from './trainer-output';

describe('parseTrainerOutputLine', () => {
  it('reads a metrics line', () => {
    const line = '{"llmops": "metrics", "step": 10, "values": {"loss": 1.9, "learning_rate": 0.0001}}';
    expect(parseTrainerOutputLine(line)).toEqual({
      kind: 'metrics',
      sample: { step: 10, values: { loss: 1.9, learning_rate: 0.0001 } },
    });
  });

  it('passes totalSteps on when the trainer knows it', () => {
    const line = '{"llmops": "metrics", "step": 5, "totalSteps": 50, "values": {"loss": 2}}';
    expect(parseTrainerOutputLine(line)).toEqual({
      kind: 'metrics',
      sample: { step: 5, totalSteps: 50, values: { loss: 2 } },
    });
  });

  it('reads the trainer line', () => {
    expect(parseTrainerOutputLine('{"llmops":"trainer","name":"hf-trainer","version":"1.2.0"}')).toEqual({
      kind: 'trainer',
      name: 'hf-trainer',
      version: '1.2.0',
    });
  });

  it.each([
    'epoch 1/3: loss 2.1',
    '{"loss": 1.2}',
    '{"llmops": "metrics", "step": -1, "values": {"loss": 1}}',
    '{"llmops": "metrics", "step": 1, "values": {"loss": "high"}}',
    '{"llmops": "metrics", "step": 1, "values": {"loss": NaN}}',
    '{"llmops": "progress", "step": 1}',
  ])('keeps anything else as a log line: %s', (line) => {
    expect(parseTrainerOutputLine(line)).toEqual({ kind: 'log', line });
  });
});
