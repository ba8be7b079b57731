import {
  compareStates,
  mergeDeploymentIntervals,
  placeState,
  type DeploymentInterval,
  type RouteStatePosition,
} from './route-intervals';

interface StoredState extends RouteStatePosition {
  validTo: string | null;
}

/** Applies placeState the way the repository does: neighbours by (time, revision), then two writes. */
function arrive(stored: StoredState[], incoming: RouteStatePosition): void {
  const sorted = [...stored].sort(compareStates);
  const previous = sorted.filter((s) => compareStates(s, incoming) < 0).at(-1) ?? null;
  const next = sorted.find((s) => compareStates(s, incoming) > 0) ?? null;
  const placement = placeState(incoming, { previous, next });
  stored.push({ ...incoming, validTo: placement.validTo });
  if (previous && placement.closePreviousAt) previous.validTo = placement.closePreviousAt;
}

const t = (minute: number): string => new Date(Date.UTC(2025, 2, 15, 9, minute)).toISOString();

function chain(stored: StoredState[]): [string, string | null][] {
  return [...stored].sort(compareStates).map((s) => [s.validFrom, s.validTo]);
}

describe('route state intervals', () => {
  const states: RouteStatePosition[] = [
    { validFrom: t(0), revision: 1 },
    { validFrom: t(10), revision: 2 },
    { validFrom: t(20), revision: 3 },
    { validFrom: t(30), revision: 4 },
  ];
  const expected: [string, string | null][] = [
    [t(0), t(10)],
    [t(10), t(20)],
    [t(20), t(30)],
    [t(30), null],
  ];

  it('closes the previous interval when the next state arrives in order', () => {
    const stored: StoredState[] = [];
    for (const s of states) arrive(stored, s);
    expect(chain(stored)).toEqual(expected);
  });

  it.each([
    ['reversed', [3, 2, 1, 0]],
    ['middle last', [0, 3, 1, 2]],
    ['first last', [1, 2, 3, 0]],
    ['interleaved', [2, 0, 3, 1]],
  ])('builds the same chain whatever the arrival order (%s)', (_name, order) => {
    const stored: StoredState[] = [];
    for (const i of order) arrive(stored, states[i] as RouteStatePosition);
    expect(chain(stored)).toEqual(expected);
  });

  it('orders by event time, then by revision for changes in the same instant', () => {
    expect(compareStates({ validFrom: t(5), revision: 9 }, { validFrom: t(6), revision: 1 })).toBeLessThan(0);
    expect(compareStates({ validFrom: t(5), revision: 2 }, { validFrom: t(5), revision: 3 })).toBeLessThan(0);
    const stored: StoredState[] = [];
    arrive(stored, { validFrom: t(5), revision: 3 });
    arrive(stored, { validFrom: t(5), revision: 2 });
    // Revision 2 held for no time at all: [t5, t5) is empty, so "at t5" answers revision 3.
    expect(chain(stored)).toEqual([
      [t(5), t(5)],
      [t(5), null],
    ]);
  });

  it('compares instants, not text, for times with offsets', () => {
    expect(
      compareStates(
        { validFrom: '2025-03-15T10:00:00+02:00', revision: 2 },
        { validFrom: '2025-03-15T09:00:00Z', revision: 1 },
      ),
    ).toBeLessThan(0);
  });

  it('places the first state of a route as open-ended and closes nothing', () => {
    expect(placeState({ validFrom: t(0), revision: 1 }, { previous: null, next: null })).toEqual({
      validTo: null,
      closePreviousAt: null,
    });
  });

  describe('deployment intervals', () => {
    const row = (from: number, to: number | null, weight: number, status = 'ready'): DeploymentInterval => ({
      validFrom: t(from),
      validTo: to === null ? null : t(to),
      mode: 'canary',
      weight,
      status,
    });

    it('merges consecutive states in which the deployment did not change', () => {
      expect(mergeDeploymentIntervals([row(0, 10, 10), row(10, 20, 10), row(20, null, 50)])).toEqual([
        row(0, 20, 10),
        row(20, null, 50),
      ]);
    });

    it('keeps a gap when the deployment left the route and came back', () => {
      expect(mergeDeploymentIntervals([row(0, 10, 10), row(30, null, 10)])).toEqual([
        row(0, 10, 10),
        row(30, null, 10),
      ]);
    });

    it('splits on a health change', () => {
      expect(mergeDeploymentIntervals([row(0, 10, 10), row(10, null, 10, 'degraded')])).toHaveLength(2);
    });
  });
});
