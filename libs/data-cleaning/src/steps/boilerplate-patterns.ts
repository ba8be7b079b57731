/**
 * Line patterns `remove-boilerplate-lines` removes by default: consent banners, legal footers, calls to
 * subscribe or share, browser notices and navigation crumbs. Matched case-insensitively anywhere in a line
 * (`^`/`$` anchor to the line); only lines up to the step's `maxLineLength` are removed, so a paragraph
 * that merely mentions cookies stays.
 */
export const DEFAULT_BOILERPLATE_PATTERNS: readonly string[] = [
  // Cookie and consent banners.
  String.raw`\b(?:we|this (?:web)?site|our (?:web)?site) uses? cookies\b`,
  String.raw`\baccept (?:all )?cookies\b`,
  String.raw`\bcookie (?:policy|settings|preferences|consent)\b`,
  String.raw`\bby (?:continuing to (?:use|browse)|using) (?:this|our) (?:web)?site\b`,
  // Legal footers.
  String.raw`\ball rights reserved\b`,
  String.raw`^\W*(?:copyright\s*)?(?:©|\(c\)|copyright)\s*(?:\d{4}|\w+\s*$)`,
  String.raw`^\W*(?:privacy policy|terms of (?:use|service)|terms (?:and|&) conditions|imprint|legal notice|sitemap)(?:\s*[|·•/-]\s*\w[\w &]*)*\W*$`,
  // Calls to subscribe, follow or share.
  String.raw`\bclick here to (?:subscribe|sign up|unsubscribe|download|learn more|read more|continue)\b`,
  String.raw`\b(?:subscribe|sign up) (?:to|for) (?:our|the|my) (?:free )?(?:newsletter|mailing list|channel|updates)\b`,
  String.raw`\b(?:follow|like|join) us on (?:facebook|twitter|x|instagram|linkedin|youtube|tiktok|pinterest)\b`,
  String.raw`^\W*share (?:this|on) (?:article|post|page|story|facebook|twitter|linkedin|whatsapp|email)\b`,
  String.raw`\bleave a (?:comment|reply)\b`,
  // Browser notices.
  String.raw`\b(?:please )?enable javascript\b`,
  String.raw`\bjavascript (?:is|must be) (?:disabled|enabled|required)\b`,
  String.raw`\byour browser (?:does not|doesn't|is not able to) support\b`,
  // Navigation crumbs that make up a whole line.
  String.raw`^\W*(?:skip to (?:main )?content|back to top|read more|continue reading|load more|show more|previous (?:post|article)|next (?:post|article)|log ?in|sign ?in|sign ?up|register|advertisement|sponsored(?: content)?|related (?:posts|articles|stories)|you (?:may|might) also like|recommended for you)\W*$`,
];
