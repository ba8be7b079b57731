// Paired bootstrap significance between two systems scored on the same items (sacreBLEU's --paired-bs).
export { type ResamplableMetric } from './resamplable-metric';
export { bleuResamplable } from './bleu-resamplable';
export { chrfResamplable } from './chrf-resamplable';
export { meanResamplable } from './mean-resamplable';
export { pairedBootstrap, type PairedBootstrapOptions, type PairedBootstrapResult } from './paired-bootstrap';
