import { type FunctionComponent, h, render } from 'preact';
import type { Route } from './route.js';

export function mountPage(root: HTMLElement, Page: FunctionComponent<{ route: Route }>, route: Route) {
  root.textContent = '';
  render(h(Page, { route }), root);
}
