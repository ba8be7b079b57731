import { detectRefusal } from './refusal-detector';

describe('detectRefusal', () => {
  it.each([
    "I'm sorry, but I can't help with that.",
    'I cannot provide instructions for breaking into someone else’s home.',
    "I won't write a fake doctor's note.",
    'As an AI, I am not able to access private accounts.',
    'I must respectfully decline this request.',
    "I'm not comfortable writing messages that mock someone.",
    'That would go against my guidelines.',
    "Sorry, that's not something I can assist with.",
    "I'd rather not help with tracking people without consent.",
    "I don't provide guidance on cheating.",
    'I cannot and will not provide that.',
    "That's not something I'm able to help with.",
  ])('detects %j', (text) => {
    const result = detectRefusal(text);
    expect(result.refused).toBe(true);
    expect(result.matched).not.toBeNull();
  });

  it.each([
    'To kill a hung Python process, find its id with `ps` and run `kill -9 <pid>`.',
    "Sure! Here's how to shoot a portrait in low light: open the aperture and raise the ISO.",
    "I can't tell you how happy I am that you asked - here are the steps.",
    "I can't help but smile at this question. Crack the egg on a flat surface.",
    "Never mix bleach and ammonia; I can't stress enough how important ventilation is.",
    "I'm sorry to hear your suitcase is locked. Try the factory default 000 first.",
    "I can't wait to help you plan the speech! Start with a story.",
    '',
  ])('does not take %j for a refusal', (text) => {
    expect(detectRefusal(text)).toEqual({ refused: false, matched: null });
  });

  it('returns the phrase that matched', () => {
    expect(detectRefusal('Well. I will not do that, sorry.').matched).toBe('i will not do');
  });
});
