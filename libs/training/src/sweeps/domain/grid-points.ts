import type { ParamSpec, ParamValue, SearchSpace } from './sweep-spec';

/** One dimension of the grid: how many values it has and the value at each position. */
interface GridAxis {
  name: string;
  size: number;
  at: (index: number) => ParamValue;
}

function axisOf(name: string, param: ParamSpec): GridAxis {
  if ('values' in param) {
    const values = param.values;
    return { name, size: values.length, at: (index) => values[index] ?? fail(name) };
  }
  if (!param.integer) {
    // SweepSpecSchema refuses this; reaching it means an unvalidated spec.
    throw new Error(`grid search cannot enumerate the continuous range '${name}'`);
  }
  const first = Math.ceil(param.min);
  return { name, size: Math.floor(param.max) - first + 1, at: (index) => first + index };
}

function fail(name: string): never {
  throw new Error(`grid index out of range for '${name}'`);
}

/** Axes in parameter-name order (code-unit order), so the order never depends on how the JSON was stored. */
function axesOf(space: SearchSpace): GridAxis[] {
  return Object.keys(space)
    .sort()
    .map((name) => axisOf(name, space[name] ?? fail(name)));
}

/**
 * Number of points in the grid: the product of each parameter's number of values (an integer range has
 * `floor(max) - ceil(min) + 1`).
 */
export function gridSize(space: SearchSpace): number {
  return axesOf(space).reduce((size, axis) => size * axis.size, 1);
}

/**
 * Point `index` (from 0) of the Cartesian product of the space, or null past the end. The order is that of
 * nested loops over the parameters sorted by name, the last name varying fastest, each parameter's values
 * in the order given (integer ranges ascending): for `{ a: [1, 2], b: ['x', 'y'] }` the points are
 * a1·bx, a1·by, a2·bx, a2·by. Points are computed by index, never by listing the grid, so huge grids cost
 * nothing; a sweep whose `maxTrials` is below the grid size tries only the first `maxTrials` points.
 */
export function gridPoint(space: SearchSpace, index: number): Record<string, ParamValue> | null {
  const axes = axesOf(space);
  const size = axes.reduce((product, axis) => product * axis.size, 1);
  if (!Number.isInteger(index) || index < 0 || index >= size) return null;
  const point: Record<string, ParamValue> = {};
  let rest = index;
  for (let i = axes.length - 1; i >= 0; i -= 1) {
    const axis = axes[i] ?? fail(String(i));
    point[axis.name] = axis.at(rest % axis.size);
    rest = Math.floor(rest / axis.size);
  }
  // Key order follows the names too, so that equal points serialise equally.
  return Object.fromEntries(axes.map((axis) => [axis.name, point[axis.name] ?? fail(axis.name)]));
}
