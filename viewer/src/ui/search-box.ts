// The search field with its list of suggestions; arrow keys move, Enter chooses, Escape closes.
import type { KgGraph } from '../types.js';
import { createSearchIndex, isLatinQuery, search, type SearchHit, type SearchIndex } from '../search.js';
import { loadPinyin, pinyinReady } from '../pinyin.js';
import { TYPE_COLORS } from '../settings.js';
import { byId, el, swatch } from './dom.js';

export interface SearchBox {
  /** sets the placeholder, e.g. to say which end of a path is being picked */
  setPrompt(text: string): void;
  /** shows what was chosen elsewhere (a click on the canvas), unless the user is typing */
  show(text: string): void;
}

/** `mentionCount` ranks ties (search.ts): the skeleton's counts serve before the mentions are in. */
export function mountSearchBox(graph: KgGraph, onChoose: (node: string) => void, mentionCount?: (node: string) => number): SearchBox {
  const input = byId<HTMLInputElement>('search-input');
  const list = byId<HTMLUListElement>('search-results');
  const defaultPrompt = input.placeholder;
  let index: SearchIndex | null = null; // built on first keystroke
  let hits: SearchHit[] = [];
  let active = -1;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    active = -1;
  };
  const render = () => {
    list.replaceChildren(
      ...hits.map((hit, i) =>
        el(
          'li',
          { className: i === active ? 'active' : '', attrs: { role: 'option', 'data-node': hit.node, 'aria-selected': String(i === active) } },
          swatch(TYPE_COLORS[hit.entityType]),
          el('span', { className: 'hit-label' }, hit.label),
          hit.via !== 'label' ? el('span', { className: 'hit-via' }, hit.matched) : null,
          el('span', { className: 'hit-type' }, hit.entityType),
        ),
      ),
    );
    if (hits.length === 0 && input.value.trim()) list.replaceChildren(el('li', { className: 'empty' }, 'No entity by that name'));
    list.hidden = input.value.trim() === '';
    input.setAttribute('aria-expanded', String(!list.hidden));
  };
  const choose = (i: number) => {
    const hit = hits[i];
    if (!hit) return;
    input.value = hit.label;
    close();
    input.blur();
    onChoose(hit.node);
  };

  const update = () => {
    index ??= createSearchIndex(graph, mentionCount);
    hits = search(index, input.value);
    active = hits.length > 0 ? 0 : -1;
    render();
  };
  input.addEventListener('input', () => {
    update();
    // the first Latin query loads the pinyin dictionary, then is answered again with pinyin
    if (!pinyinReady() && isLatinQuery(input.value)) void loadPinyin().then(() => input.value.trim() && update());
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (hits.length === 0) return;
      active = (active + (e.key === 'ArrowDown' ? 1 : -1) + hits.length) % hits.length;
      render();
      e.preventDefault();
    } else if (e.key === 'Enter') {
      choose(active < 0 ? 0 : active);
      e.preventDefault();
    } else if (e.key === 'Escape') {
      close();
    }
  });
  // mousedown, not click: the input's blur would close the list before a click lands
  list.addEventListener('mousedown', (e) => {
    const item = (e.target as HTMLElement).closest('li[data-node]');
    if (!item) return;
    e.preventDefault();
    choose(hits.findIndex((h) => h.node === item.getAttribute('data-node')));
  });
  input.addEventListener('blur', () => setTimeout(close, 0));
  input.addEventListener('focus', () => {
    if (hits.length > 0 && input.value.trim()) render();
  });
  // '/' anywhere but in a text field goes to the search field, as on most sites
  window.addEventListener('keydown', (e) => {
    const target = e.target as HTMLElement | null;
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || target?.closest('input, textarea, select, [contenteditable]')) return;
    e.preventDefault();
    input.focus();
    input.select();
  });
  return {
    setPrompt: (text) => (input.placeholder = text || defaultPrompt),
    show: (text) => {
      if (document.activeElement === input) return;
      input.value = text;
      hits = [];
      close();
    },
  };
}
