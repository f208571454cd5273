// @ts-check
/* global document, window, acquireVsCodeApi */
// The claims report webview. Everything shown comes from the extension by postMessage and is put
// into the page with textContent / createElement only: document text never becomes markup.
(function () {
  const vscode = acquireVsCodeApi();
  const root = /** @type {HTMLElement} */ (document.getElementById('report'));
  /** @type {{ query?: string }} */
  const state = vscode.getState() || {};

  /**
   * @param {string} tag
   * @param {string} [className]
   * @param {string} [text]
   */
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** @param {{ data: any, labels: Record<string, string>, kinds: Record<string, { label: string, color: string }> }} message */
  function render(message) {
    const { data, labels } = message;
    // The workspace's kinds, in its scheme's order; each with its label and colour.
    const KINDS = data.kinds.map((/** @type {{ kind: string }} */ k) => k.kind);
    const kindLabel = (/** @type {string} */ kind) => message.kinds[kind]?.label ?? kind;
    const kindColor = (/** @type {string} */ kind) => message.kinds[kind]?.color ?? 'currentColor';
    root.replaceChildren();

    const search = /** @type {HTMLInputElement} */ (el('input', 'search'));
    search.type = 'search';
    search.placeholder = labels.search;
    search.setAttribute('aria-label', labels.search);
    search.value = state.query || '';
    root.append(search);

    const summary = el('section', 'summary');
    summary.append(el('h2', undefined, labels.byKind));
    const kinds = el('ul', 'kinds');
    for (const { kind, count } of data.kinds) {
      const item = el('li', 'kind');
      item.style.borderColor = kindColor(kind);
      item.append(el('span', 'kind-label', kindLabel(kind)), el('span', 'count', String(count)));
      kinds.append(item);
    }
    summary.append(kinds);

    summary.append(el('h2', undefined, labels.byDocument));
    const table = el('table', 'documents');
    const head = el('tr');
    head.append(el('th', undefined, labels.document), ...KINDS.map((/** @type {string} */ k) => el('th', 'number', kindLabel(k))));
    table.append(head);
    /** @type {{ row: HTMLElement, document: string, haystack: string }[]} */
    const documentRows = [];
    for (const { document: key, label, counts } of data.documents) {
      const row = el('tr', 'document-row');
      row.append(el('td', undefined, label), ...KINDS.map((/** @type {string} */ k) => el('td', 'number', String(counts[k] ?? 0))));
      table.append(row);
      documentRows.push({ row, document: key, haystack: label.toLowerCase() });
    }
    summary.append(table);
    root.append(summary);

    const speakers = el('section', 'speakers');
    speakers.append(el('h2', undefined, labels.bySpeaker));
    /** @type {{ section: HTMLElement, rows: { row: HTMLElement, document: string, haystack: string }[] }[]} */
    const groups = [];
    for (const group of data.speakers) {
      const section = el('section', 'speaker');
      const name = group.speaker === undefined ? labels.unattributed : group.speaker;
      section.append(el('h3', undefined, `${name} (${group.rows.length})`));
      const list = el('ul', 'rows');
      const rows = [];
      for (const row of group.rows) {
        const item = el('li', 'row');
        item.style.borderLeftColor = kindColor(row.kind);
        const button = el('button', 'open');
        button.title = row.where;
        button.append(el('span', 'badge', kindLabel(row.kind)), el('span', 'text', row.text), el('span', 'where', row.where));
        if (row.note) button.append(el('span', 'note', row.note));
        button.addEventListener('click', () => vscode.postMessage({ type: 'open', document: row.document, id: row.id }));
        item.append(button);
        list.append(item);
        rows.push({ row: item, document: row.document, haystack: [name, row.text, row.where, row.note || '', kindLabel(row.kind)].join('\n').toLowerCase() });
      }
      section.append(list);
      speakers.append(section);
      groups.push({ section, rows });
    }
    const nothing = el('p', 'nothing', data.speakers.length === 0 ? labels.empty : labels.noMatch);
    speakers.append(nothing);
    root.append(speakers);

    function applyFilter() {
      const query = search.value.trim().toLowerCase();
      state.query = search.value;
      vscode.setState(state);
      let shown = 0;
      /** Documents with a claim or quote that matches: their counts stay in the table. */
      const matched = new Set();
      for (const group of groups) {
        let visible = 0;
        for (const { row, document: key, haystack } of group.rows) {
          const match = !query || haystack.includes(query);
          row.hidden = !match;
          if (match) {
            visible++;
            matched.add(key);
          }
        }
        group.section.hidden = visible === 0;
        shown += visible;
      }
      for (const { row, document: key, haystack } of documentRows) row.hidden = !!query && !haystack.includes(query) && !matched.has(key);
      nothing.hidden = shown > 0;
    }
    search.addEventListener('input', applyFilter);
    applyFilter();
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message && message.type === 'report') render(message);
  });
  vscode.postMessage({ type: 'ready' });
})();
