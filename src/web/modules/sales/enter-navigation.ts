import type { KeyboardEvent } from 'react';

const FIELDS = 'input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([disabled]), textarea:not([disabled]), button[role=switch]';

/**
 * Enter in a plain field moves to the next field of `container`, like Tab. Left alone: the scan box
 * (it adds a product), dropdowns (Enter picks an option), date pickers, text areas and buttons.
 * From the last field of the last line the caret goes back to the scan box, ready for the next scan.
 */
export function moveOnEnter(e: KeyboardEvent<HTMLElement>, container: HTMLElement | null, backToScan: () => void): void {
  if (e.key !== 'Enter' || e.nativeEvent.isComposing || e.ctrlKey || e.metaKey || e.altKey || !container) return;
  const el = e.target as HTMLElement;
  if (el.tagName !== 'INPUT' || el.closest('[data-scan]') || el.getAttribute('role') === 'combobox' || el.closest('.ant-picker')) return;
  e.preventDefault();
  const fields = [...container.querySelectorAll<HTMLElement>(FIELDS)].filter((f) => f.offsetParent !== null && f.tabIndex >= 0);
  const lastOfLine = el.closest('[data-line-last]') ?? (el.hasAttribute('data-line-last') ? el : null);
  if (lastOfLine) {
    const all = [...container.querySelectorAll('[data-line-last]')];
    if (all[all.length - 1] === lastOfLine) {
      backToScan();
      return;
    }
  }
  const i = fields.indexOf(el);
  fields[i + 1]?.focus();
}
