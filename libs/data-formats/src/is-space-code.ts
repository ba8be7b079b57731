/**
 * Whether a UTF-16 code unit is whitespace, matching JavaScript's `\s` (ASCII, NBSP, the Unicode spaces,
 * line/paragraph separators, BOM). Hot loops call this per character, so it is a branch chain, not a regex.
 */
export function isSpaceCode(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
