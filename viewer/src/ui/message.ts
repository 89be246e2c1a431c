// A message over the stage instead of a blank canvas: no graph, a broken graph, an empty one.
import { byId } from './dom.js';

export function showMessage(title: string, text: string): void {
  byId('message-title').textContent = title;
  byId('message-text').textContent = text;
  byId('message').hidden = false;
  document.body.classList.add('has-message');
}
