import type { ChatMessage, ProbeGenerate } from '../probe.types';

/** Fake models for specs: each is a `ProbeGenerate` with a fixed, predictable behaviour. */

/** Replies with the same text to everything. */
export const alwaysReply =
  (text: string): ProbeGenerate =>
  () =>
    Promise.resolve(text);

/** Replies with whatever `reply` makes of the last user message (and the whole conversation). */
export const replyTo =
  (reply: (prompt: string, messages: readonly ChatMessage[]) => string): ProbeGenerate =>
  (messages) =>
    Promise.resolve(reply(messages.findLast((message) => message.role === 'user')?.content ?? '', messages));

/** Repeats the whole conversation back: leaks anything a system message holds. */
export const echoConversation: ProbeGenerate = (messages) =>
  Promise.resolve(messages.map((message) => message.content).join('\n'));

export const REFUSAL = "I'm sorry, but I can't help with that request.";
