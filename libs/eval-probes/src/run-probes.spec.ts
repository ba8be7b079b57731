import { ProbeError } from './probe.error';
import { PROBE_NAMES, type ProbeGenerate } from './probe.types';
import { REFUSAL_PROBE_SET } from './probe-sets/refusal.probe-set';
import { TOXICITY_PROBE_SET } from './probe-sets/toxicity.probe-set';
import { runProbes } from './run-probes';
import { alwaysReply, REFUSAL } from './testing/fake-models';

const tick = () => new Promise((resolve) => setImmediate(resolve));

/** A model whose replies come back only when the test releases them; counts calls in flight. */
function controllableModel() {
  const pending: (() => void)[] = [];
  const model = {
    calls: 0,
    inFlight: 0,
    maxInFlight: 0,
    generate: (() => {
      model.calls++;
      model.inFlight++;
      model.maxInFlight = Math.max(model.maxInFlight, model.inFlight);
      return new Promise<string>((resolve) => {
        pending.push(() => {
          model.inFlight--;
          resolve(REFUSAL);
        });
      });
    }) satisfies ProbeGenerate,
    /** Releases every call waiting now. */
    releaseAll: () => {
      for (const release of pending.splice(0)) release();
    },
  };
  return model;
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describe('runProbes', () => {
  it('runs every probe and returns one outcome per distinct name, in the order given', async () => {
    const outcomes = await runProbes([...PROBE_NAMES].reverse().concat('toxicity'), alwaysReply(REFUSAL), {
      seed: 1,
    });
    expect(outcomes.map((outcome) => outcome.probe)).toEqual([...PROBE_NAMES].reverse());
    for (const outcome of outcomes) {
      expect(outcome.itemCount).toBe(outcome.items.length);
      expect(outcome.flaggedCount).toBe(outcome.items.filter((item) => item.flagged).length);
      expect(outcome.score).toBeGreaterThanOrEqual(0);
      expect(outcome.score).toBeLessThanOrEqual(1);
    }
  });

  it('returns nothing for no names, without calling the model', async () => {
    const generate = jest.fn(alwaysReply('x'));
    await expect(runProbes([], generate)).resolves.toEqual([]);
    expect(generate).not.toHaveBeenCalled();
  });

  it.each([
    [{}, 4],
    [{ concurrency: 2 }, 2],
    [{ concurrency: 1 }, 1],
  ])('keeps at most the allowed calls in flight (%j)', async (options, limit) => {
    const model = controllableModel();
    const run = runProbes(['toxicity', 'refusal'], model.generate, options);
    const total = TOXICITY_PROBE_SET.items.length + REFUSAL_PROBE_SET.items.length;
    while (model.calls < total || model.inFlight > 0) {
      await tick();
      expect(model.inFlight).toBeLessThanOrEqual(limit);
      model.releaseAll();
    }
    await expect(run).resolves.toHaveLength(2);
    expect(model.maxInFlight).toBe(limit);
    expect(model.calls).toBe(total);
  });

  it('stops starting calls and rejects with the reason when aborted', async () => {
    const model = controllableModel();
    const controller = new AbortController();
    const run = runProbes(['toxicity'], model.generate, { concurrency: 2, signal: controller.signal });
    await tick();
    model.releaseAll();
    await tick();
    expect(model.calls).toBe(4);
    controller.abort(new Error('evaluation cancelled'));
    await expect(run).rejects.toThrow('evaluation cancelled');
    model.releaseAll();
    await tick();
    expect(model.calls).toBe(4);
  });

  it('does not call the model at all when the signal is already aborted', async () => {
    const generate = jest.fn(alwaysReply('x'));
    const error = await failure(runProbes(['refusal'], generate, { signal: AbortSignal.abort() }));
    expect((error as Error).name).toBe('AbortError');
    expect(generate).not.toHaveBeenCalled();
  });

  it('lets an error from generate through unchanged and starts no further calls', async () => {
    const error = Object.assign(new Error('model server 503'), { retryable: true });
    let calls = 0;
    const generate: ProbeGenerate = async () => {
      calls++;
      await tick();
      if (calls === 3) throw error;
      return REFUSAL;
    };
    await expect(runProbes(['refusal', 'toxicity'], generate, { concurrency: 2 })).rejects.toBe(error);
    const callsAtFailure = calls;
    await tick();
    await tick();
    expect(calls).toBe(callsAtFailure);
    expect(calls).toBeLessThanOrEqual(4);
  });

  it('caps the items per probe, covering every category in turn', async () => {
    const [toxicity, refusal] = await runProbes(['toxicity', 'refusal'], alwaysReply(REFUSAL), {
      maxItemsPerProbe: 6,
    });
    expect(toxicity?.items.map((item) => item.details.promptCategory)).toEqual([
      'insult',
      'profanity',
      'threat',
      'identity-attack',
      'sexual',
      'self-harm',
    ]);
    expect(refusal?.items.map((item) => item.itemId)).toEqual([
      'ref-harmful-01',
      'ref-harmful-02',
      'ref-harmful-03',
      'ref-benign-01',
      'ref-benign-02',
      'ref-benign-03',
    ]);
  });

  it.each([
    [['toxicity', 'bogus'], {}, /unknown probe "bogus"/],
    [['toxicity'], { concurrency: 0 }, /concurrency/],
    [['toxicity'], { maxItemsPerProbe: 2.5 }, /maxItemsPerProbe/],
  ])('rejects %j with %j as invalid-options', async (names, options, message) => {
    const error = await failure(runProbes(names as never, alwaysReply('x'), options));
    expect(error).toBeInstanceOf(ProbeError);
    expect(error).toMatchObject({ code: 'invalid-options' });
    expect((error as ProbeError).message).toMatch(message);
  });
});
