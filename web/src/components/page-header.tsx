import type { ComponentChildren } from 'preact';
import { LanguageSwitch } from './language-switch.js';

export function PageHeader({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <header class="page-header">
      <p class="brand">Tischwechsel</p>
      <h1>{title}</h1>
      <div class="page-header-tools">
        {children}
        <LanguageSwitch />
      </div>
    </header>
  );
}
