/**
 * The builtin family's one architecture: a fixed-window neural language model in the style of Bengio et
 * al. (2003). The embeddings of the previous `contextSize` tokens are concatenated, passed through
 * `hiddenLayers` tanh layers and projected to a softmax over the vocabulary. Chosen over a GRU or a tiny
 * transformer because every position is independent given its window: batches are plain matrix
 * products, which is the only way plain JavaScript gets to thousands of tokens per second.
 *
 * One addition to Bengio's model: with `bagSize` > 0, the mean embedding of the previous `bagSize` tokens
 * is one more input. A window of a few tokens cannot see the question an answer is about; the bag can,
 * for the price of one more embedding-sized input.
 */
export interface ModelArchitecture {
  readonly type: 'mlp-lm';
  /** Tokens in the vocabulary, bytes and special tokens included. */
  readonly vocabSize: number;
  /** Previous tokens the model sees (its whole context: older tokens are forgotten). */
  readonly contextSize: number;
  /** Size of each token's embedding. */
  readonly embeddingSize: number;
  /** Width of each hidden layer. */
  readonly hiddenSize: number;
  /** Number of hidden tanh layers. */
  readonly hiddenLayers: number;
  /** Earlier tokens averaged into one extra input (a bag of words); 0 disables it. */
  readonly bagSize: number;
  /** Hidden activation; recorded so another could be added without misreading old artifacts. */
  readonly activation: 'tanh';
}

/** Input width of the first hidden layer: the concatenated window embeddings, plus the bag's mean. */
export function inputSize(architecture: ModelArchitecture): number {
  const slots = architecture.contextSize + (architecture.bagSize > 0 ? 1 : 0);
  return slots * architecture.embeddingSize;
}

/** Token ids per position row: enough earlier tokens for both the window and the bag. */
export function rowWidth(architecture: ModelArchitecture): number {
  return Math.max(architecture.contextSize, architecture.bagSize);
}
