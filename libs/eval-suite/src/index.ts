// The evaluation harness shared by the evaluation service and `llmops eval run`: items, predictors
// (builtin runtime, OpenAI-compatible endpoints), metric sets, champion comparison, gates and reports.
export * from './evaluation-error';
export * from './evaluation-plan';
export * from './items/eval-item';
export * from './items/item-from-record';
export * from './items/item-collector';
export * from './items/prompt-template';
export * from './predictors/predictor';
export * from './predictors/builtin-predictor';
export * from './predictors/openai-endpoint-predictor';
export * from './predictors/predict-all';
export * from './metrics/suite-metric-names';
export * from './metrics/score-predictions';
export * from './champion/compare-with-champion';
export * from './gates/gate-policy';
export * from './gates/apply-gate';
export * from './judge/llm-judge';
export * from './run-suite';
export * from './report/suite-report';
