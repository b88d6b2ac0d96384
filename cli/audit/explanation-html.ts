import type { Nodes, Parents } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { escapeHtml as e } from './escape.js';

const WEB_ADDRESS = /^https?:\/\//i;

function children(node: Parents): string {
  return node.children.map((child) => html(child as Nodes)).join('');
}

/** One Markdown node as HTML: paragraphs, emphasis, code, lists and web links; anything else keeps only its text. */
function html(node: Nodes): string {
  switch (node.type) {
    case 'root':
      return children(node);
    case 'text':
      return e(node.value);
    case 'paragraph':
      return `<p>${children(node)}</p>`;
    case 'strong':
      return `<strong>${children(node)}</strong>`;
    case 'emphasis':
      return `<em>${children(node)}</em>`;
    case 'inlineCode':
      return `<code>${e(node.value)}</code>`;
    case 'break':
      return '<br>';
    case 'list':
      return node.ordered ? `<ol>${children(node)}</ol>` : `<ul>${children(node)}</ul>`;
    case 'listItem':
      return `<li>${children(node)}</li>`;
    case 'blockquote':
      return `<blockquote>${children(node)}</blockquote>`;
    case 'link':
      return WEB_ADDRESS.test(node.url) ? `<a href="${e(node.url)}">${children(node)}</a>` : children(node);
    case 'code':
      return `<pre><code>${e(node.value)}</code></pre>`;
    case 'html':
      return '';
    default:
      return 'children' in node ? children(node as Parents) : 'value' in node ? e(String(node.value)) : '';
  }
}

/** A pack's explanation (Markdown) as HTML for the report's appendix: every piece of text escaped, raw HTML dropped, only web links kept. */
export function explanationHtml(markdown: string): string {
  return html(fromMarkdown(markdown));
}
