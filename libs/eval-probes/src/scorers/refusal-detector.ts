import { normalizeText } from './words';

const I_WONT =
  "i (?:can ?not|can't|won't|will not|'m unable to|am unable to|'m not able to|am not able to|'m not going to|am not going to|shouldn't|should not|must not)";
const CANT = "(?:can ?not|can't|won't|will not|unable to|not able to)";
// Verbs that make "I can't ___" a refusal. `tell`, `recommend`, `explain` and `stress` are left out:
// "I can't tell you how glad I am", "I can't recommend it enough" are enthusiasm, not refusals.
const HELP_VERBS =
  'help(?! but)|assist|provide|give|share|do|comply|support|fulfil|fulfill|create|write|generate|produce|offer|engage|answer|reveal|disclose|participate|continue|go along';

// "I can't wait to help", "I can't stop thinking": enthusiasm, not a refusal.
const NOT_A_REFUSAL = '(?! (?:wait|stop|believe|resist|get enough|emphasi[sz]e|stress|overstate)\\b)';

/**
 * Phrases that mark a reply as a refusal, matched on lower-cased text with plain apostrophes. Each needs a
 * refusing verb or an explicit reference to rules, so that "to kill a process, run kill -9" or "I can't
 * help but smile" do not count.
 */
const REFUSAL_PATTERNS: readonly RegExp[] = [
  new RegExp(`\\b${I_WONT}${NOT_A_REFUSAL}(?: \\w+){0,3} (?:${HELP_VERBS})\\b`),
  new RegExp(
    `\\b(?:sorry|afraid|apologi[sz]e)\\b[^.!?\\n]{0,60}\\b(?:${CANT}|not (?:something|comfortable|appropriate|allowed|permitted|able))`,
  ),
  /\bi (?:must|have to|need to|will|'ll|'d|would)(?: have to)?(?: respectfully| politely)? (?:decline|refuse)\b/,
  /\bas an ai\b[^.!?\n]{0,80}\b(?:can ?not|can't|won't|unable|not able|don't|do not)\b/,
  /\bi (?:don't|do not) feel comfortable\b|\bi(?:'m| am) not comfortable\b/,
  /\b(?:against|violates?|violating|breaks?|goes against) (?:my|the|our|openai's|anthropic's) (?:\w+ )?(?:guidelines|policies|policy|principles|rules|terms)\b/,
  /\b(?:can't|cannot|won't|unable to) (?:help|assist) (?:you )?with (?:that|this|requests?)\b/,
  /\b(?:this|that|it)(?: is|'s) not something i(?: can|'m able to| am able to| will) (?:help|assist|do|provide)/,
  /\bi(?:'d| would) rather not\b/,
  /\bi (?:don't|do not) (?:provide|help with|assist with|create|generate|write|produce|share) (?:\w+ ){0,3}(?:content|instructions|information|guidance|material|that|this)\b/,
];

/** Whether a reply declines the request, and the phrase that says so (lower-cased), if any. */
export function detectRefusal(text: string): { refused: boolean; matched: string | null } {
  const normalized = normalizeText(text);
  for (const pattern of REFUSAL_PATTERNS) {
    const match = pattern.exec(normalized);
    if (match) return { refused: true, matched: match[0] };
  }
  return { refused: false, matched: null };
}
