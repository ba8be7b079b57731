/**
 * Sections of a model card, in the order they are printed. Sections marked `required` must be non-empty
 * for the card to count as complete (what approvals checks before production). Every section may be
 * edited; an edit replaces the generated body. `evaluation-results` is the slot evaluation evidence fills.
 */
export const MODEL_CARD_SECTIONS = [
  { key: 'overview', title: 'Overview', required: false },
  { key: 'intended-use', title: 'Intended use', required: true },
  { key: 'training-data', title: 'Training data', required: true },
  { key: 'training-procedure', title: 'Training procedure', required: false },
  { key: 'evaluation', title: 'Evaluation', required: true },
  { key: 'evaluation-results', title: 'Evaluation results', required: false },
  { key: 'safety-and-bias', title: 'Safety and bias', required: false },
  { key: 'limitations', title: 'Limitations', required: true },
] as const;

export type ModelCardSectionKey = (typeof MODEL_CARD_SECTIONS)[number]['key'];

export const MODEL_CARD_SECTION_KEYS = MODEL_CARD_SECTIONS.map((s) => s.key) as [
  ModelCardSectionKey,
  ...ModelCardSectionKey[],
];
