import i18next from 'i18next';

/**
 * antd's icons announce themselves by their file names ("down", "close", "info-circle") in every
 * language, and a clear button whose only content is an icon is announced as "close-circle". Icons
 * beside words are decoration: hidden from screen readers. An icon-only button without a name gets
 * the name of what it does, in the window's language.
 */
const buttonNames = {
  'close-circle': 'common.clear',
  close: 'common.close',
} as const;

function quiet(root: ParentNode): void {
  for (const icon of root.querySelectorAll<HTMLElement>('.anticon[role="img"]:not([aria-hidden])')) {
    const host = icon.parentElement?.closest<HTMLElement>('button, [role="button"], .ant-select-clear');
    const label = icon.getAttribute('aria-label') ?? '';
    // A name the app gave (in the user's language) stays; only antd's file names are replaced.
    if (!/^[a-z][a-z0-9-]*$/.test(label)) continue;
    const name = Object.hasOwn(buttonNames, label) ? buttonNames[label as keyof typeof buttonNames] : null;
    if (host && name && !host.hasAttribute('aria-label') && host.textContent?.trim() === '') {
      host.setAttribute('aria-label', i18next.t(name));
    }
    icon.setAttribute('aria-hidden', 'true');
  }
}

/** Keeps every icon of the page quiet from now on (icons come and go with every render). */
export function quietIcons(): void {
  quiet(document);
  new MutationObserver((changes) => {
    for (const change of changes) {
      for (const node of change.addedNodes) if (node instanceof Element) quiet(node.parentElement ?? node);
    }
  }).observe(document.body, { childList: true, subtree: true });
}
