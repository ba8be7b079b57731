/**
 * Edge relations, read from the upstream node to the downstream one ("dataset version
 * `training-data-for` run"). Edges always point the way data and decisions flow, so "upstream" means
 * "what this came from" and "downstream" means "what came of it".
 */
export const LINEAGE_RELATIONS = [
  'source-of', // source or labeling export -> dataset version
  'parent-of', // dataset version -> dataset version derived from it
  'labeled-in', // dataset version -> labeling project
  'exported-as', // labeling project -> labeling export
  'training-data-for', // dataset version -> training run (or model version registered by hand)
  'base-model-for', // model version or base model -> training run (or model version registered by hand)
  'produced', // training run -> model version
  'evaluated-in', // model version -> evaluation
  'evaluation-data-for', // dataset version -> evaluation
  'champion-in', // production model version compared against -> evaluation
  'subject-of', // model or prompt version -> approval request about it
  'evidence-for', // evaluation -> approval request
  'authorised', // approved approval request -> deployment serving its subject
  'deployed-as', // model version -> deployment
  'applied-in', // prompt version -> deployment
  'raised', // deployment, model version -> alert
  'drifted', // deployment, model version -> drift report
  'received', // deployment, model version, prompt version -> feedback
  'retraining-requested', // model version -> retraining request
  'suggested-for', // dataset version -> retraining request
  'triggered', // finding -> retraining request; retraining request or dataset version -> training run
] as const;

export type LineageRelation = (typeof LINEAGE_RELATIONS)[number];
