import { z } from 'zod';

/** A text part of a multi-part message content (OpenAI format). */
const TextContentPartSchema = z
  .object({
    /** Part type; only text parts are carried on the bus. */
    type: z.literal('text').describe('Part type; only text parts are carried on the bus.'),
    /** The text. */
    text: z.string().describe('The text.'),
  })
  .describe('A text part of a message.');

/** A tool call the assistant asked for (OpenAI format). */
const ToolCallSchema = z
  .object({
    /** Id the tool's answer refers to via `tool_call_id`. */
    id: z.string().min(1).describe("Id the tool's answer refers to via tool_call_id."),
    /** Call type; OpenAI defines only function calls. */
    type: z.literal('function').describe('Call type; OpenAI defines only function calls.'),
    /** The function and its arguments. */
    function: z
      .object({
        /** Function name. */
        name: z.string().min(1).describe('Function name.'),
        /** Arguments as a JSON-encoded string, as the model produced them. */
        arguments: z.string().describe('Arguments as a JSON-encoded string, as the model produced them.'),
      })
      .describe('The function and its arguments.'),
  })
  .describe('A tool call the assistant asked for.');

/** One chat message in OpenAI Chat Completions format (field names as OpenAI spells them). */
export const ChatMessageSchema = z
  .object({
    /** Who speaks. */
    role: z.enum(['system', 'developer', 'user', 'assistant', 'tool']).describe('Who speaks.'),
    /** The message text, text parts, or null for an assistant message that only calls tools. */
    content: z
      .union([z.string(), z.array(TextContentPartSchema), z.null()])
      .describe('The message text, text parts, or null for an assistant message that only calls tools.'),
    /** Optional participant name. */
    name: z.string().min(1).optional().describe('Optional participant name.'),
    /** Tool calls made by an assistant message. */
    tool_calls: z.array(ToolCallSchema).optional().describe('Tool calls made by an assistant message.'),
    /** For role `tool`: the call this message answers. */
    tool_call_id: z.string().min(1).optional().describe('For role tool: the call this message answers.'),
  })
  .describe('One chat message in OpenAI Chat Completions format.');

/** One chat message in OpenAI Chat Completions format. */
export type ChatMessage = z.output<typeof ChatMessageSchema>;
