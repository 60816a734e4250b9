/**
 * Free text of organisations and events is stored as plain text: markup is removed on the way in
 * (script and style elements with their content, every other tag, control characters), so no later
 * consumer — web page, iCalendar, JSON-LD, CSV export — can be handed active content. Output is
 * escaped by each format as usual.
 */

const BLOCKS = /<(script|style|iframe|object|embed|template)\b[^>]*>[\s\S]*?(<\/\1\s*>|$)/gi;
const TAGS = /<\/?[a-z!?][^>]*>?/gi;
// C0 controls except tab and newline, DEL and the C1 range; carriage returns become newlines.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

export function plainText(input: string): string {
  return input
    .replace(/\r\n?/g, '\n')
    .replace(BLOCKS, '')
    .replace(TAGS, '')
    .replace(CONTROLS, '')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A one-line text (names, titles): plain text with every run of white space as one space. */
export const plainLine = (input: string) => plainText(input).replace(/\s+/g, ' ');

