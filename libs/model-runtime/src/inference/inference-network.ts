import type { LoadedModel } from '../model/loaded-model';
import { MlpNetwork } from '../model/mlp-network';

/** Positions scored per forward call when evaluating. */
export const INFERENCE_BATCH = 128;

const networks = new WeakMap<LoadedModel, MlpNetwork>();

/**
 * The inference network of `model`, built once and reused: its scratch buffers are the only allocation,
 * and a serving process calls into the same model many times. JavaScript is single-threaded, so calls
 * never overlap on one network.
 */
export function inferenceNetwork(model: LoadedModel): MlpNetwork {
  let network = networks.get(model);
  if (network === undefined) {
    network = new MlpNetwork(model.architecture, model.weights, {
      maxBatch: INFERENCE_BATCH,
      trainable: 'none',
    });
    networks.set(model, network);
  }
  return network;
}
