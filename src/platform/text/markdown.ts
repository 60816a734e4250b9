/**
 * A small, safe Markdown renderer for editorial content (content pages, project descriptions).
 * Safety comes from construction: all text is HTML-escaped first, and only the constructs below
 * produce tags. There is no raw-HTML pass-through, and links are allowed only for http(s), mailto
 * and site-relative URLs, so neither script nor style can be injected.
 *
 * Supported: # headings (h2–h4 after an offset), paragraphs, - / * / 1. lists, > quotes,
 * **bold**, *italic*, `code`, [text](url), line breaks with two trailing spaces, --- rules.
 */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const SAFE_URL = /^(https?:\/\/|mailto:|\/(?!\/)|#)/i;

function inline(raw: string): string {
  // Code spans first, protected from the other rules by private-use placeholders.
  const codes: string[] = [];
  let text = escapeHtml(raw).replace(/`([^`]+)`/g, (_, code: string) => {
    codes.push(`<code>${code}</code>`);
    return `\uE000${codes.length - 1}\uE001`;
  });
  text = text.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_, label: string, url: string) => {
    const decoded = url.replace(/&amp;/g, '&');
    if (!SAFE_URL.test(decoded)) return label;
    const external = /^https?:\/\//i.test(decoded);
    return `<a href="${url}"${external ? ' rel="noopener noreferrer"' : ''}>${label}</a>`;
  });
  text = text
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^*])\*([^*\s][^*]*)\*/g, '$1<em>$2</em>')
    .replace(/ {2}$/gm, '<br>');
  return text.replace(/\uE000(\d+)\uE001/g, (_, i: string) => codes[Number(i)]!);
}

export function renderMarkdown(source: string, options: { headingOffset?: number } = {}): string {
  const offset = options.headingOffset ?? 1;
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let paragraph: string[] = [];
  let list: { tag: 'ul' | 'ol'; items: string[] } | undefined;
  let quote: string[] = [];

  const flush = () => {
    if (paragraph.length) out.push(`<p>${inline(paragraph.join('\n'))}</p>`);
    paragraph = [];
    if (list) out.push(`<${list.tag}>${list.items.map((i) => `<li>${inline(i)}</li>`).join('')}</${list.tag}>`);
    list = undefined;
    if (quote.length) out.push(`<blockquote><p>${inline(quote.join('\n'))}</p></blockquote>`);
    quote = [];
  };

  for (const line of lines) {
    const heading = /^(#{1,4})\s+(.*)$/.exec(line);
    const bullet = /^\s*[-*]\s+(.*)$/.exec(line);
    const numbered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
    const quoted = /^>\s?(.*)$/.exec(line);
    if (!line.trim()) {
      flush();
    } else if (heading) {
      flush();
      const level = Math.min(6, heading[1]!.length + offset);
      out.push(`<h${level}>${inline(heading[2]!)}</h${level}>`);
    } else if (/^(-{3,}|\*{3,})\s*$/.test(line)) {
      flush();
      out.push('<hr>');
    } else if (bullet || numbered) {
      const tag = bullet ? 'ul' : 'ol';
      if (paragraph.length || quote.length || (list && list.tag !== tag)) flush();
      list ??= { tag, items: [] };
      list.items.push((bullet ?? numbered)![1]!);
    } else if (quoted) {
      if (paragraph.length || list) flush();
      quote.push(quoted[1]!);
    } else if (list && /^\s{2,}\S/.test(line)) {
      list.items[list.items.length - 1] += ' ' + line.trim();
    } else {
      if (list || quote.length) flush();
      paragraph.push(line);
    }
  }
  flush();
  return out.join('\n');
}
