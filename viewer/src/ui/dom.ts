// Building DOM from data. Text from articles always goes in through textContent: a name or a
// sentence containing <script> or <img onerror> is shown as text and never parsed as HTML.
type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { className?: string; title?: string; attrs?: Record<string, string>; onClick?: (e: Event) => void } = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.title) node.title = props.title;
  for (const [k, v] of Object.entries(props.attrs ?? {})) node.setAttribute(k, v);
  if (props.onClick) node.addEventListener('click', props.onClick);
  append(node, ...children);
  return node;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  }
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`viewer page has no #${id}`);
  return node as T;
}

/** A coloured dot for an entity or relation type. */
export function swatch(color: string): HTMLSpanElement {
  const s = el('span', { className: 'swatch' });
  s.style.background = color;
  return s;
}
