// The claims report's page may only open the annotations it lists: an `open` message naming any
// other document or id opens nothing.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { DocumentAnnotations } from '../../src/core/documentAnnotations';
import { renderSidecar } from '../../src/core/sidecar/sidecarDocument';
import { closeAllEditors, getApi, scratchFile, sidecarPath, waitFor } from './helpers';

const SUITE = 'claimsReport';
const DOC = 'Headline\n\nThe senator said the budget is balanced and left.\n';
const CLAIM = 'the budget is balanced';

describe('claims report messages', function () {
  after(closeAllEditors);

  it('opens only an annotation the report shows, and nothing for any other message', async () => {
    const api = await getApi();
    const file = scratchFile(SUITE, 'report.txt', DOC);
    const model = new DocumentAnnotations();
    const start = DOC.indexOf(CLAIM);
    const claim = model.add({ kind: 'claim', start, end: start + CLAIM.length, author: 'alice' }, DOC);
    fs.writeFileSync(sidecarPath(file), renderSidecar(model, DOC));
    const other = scratchFile(SUITE, 'not-annotated.txt', 'Nothing to see.\n');
    const document = vscode.Uri.file(file).toString();
    const otherDocument = vscode.Uri.file(other).toString();

    const panel = await api.claimsReport.show();
    try {
      await api.workspaceIndex.refreshSidecar(vscode.Uri.file(sidecarPath(file)));
      await waitFor(() => api.claimsReport.isShowing(document, claim.id), 20_000, 'the report to list the claim');

      const isOpen = (uri: string) => vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri);
      const refused: unknown[] = [
        { type: 'open', document: otherDocument, id: claim.id },
        { type: 'open', document, id: 'zzzzzzzz' },
        { type: 'open', document: 'file:///etc/hostname', id: claim.id },
        { type: 'open', document: 'untitled:Untitled-9', id: claim.id },
        { type: 'open', document, id: 42 },
        { type: 'open', document: `${document}${'x'.repeat(5000)}`, id: claim.id },
        { type: 'open' },
        { type: 'run', command: 'workbench.action.closeAllEditors' },
        'open',
        null,
      ];
      for (const message of refused) assert.equal(await api.claimsReport.receive(message), false, `refused: ${JSON.stringify(message)}`);
      assert.equal(isOpen(otherDocument), false, 'a document the report does not list was opened');
      assert.equal(isOpen('file:///etc/hostname'), false, 'a file outside the workspace was opened');
      assert.equal(isOpen(document), false, 'the annotated document was opened for an unknown id');

      assert.equal(await api.claimsReport.receive({ type: 'open', document, id: claim.id }), true);
      const editor = await waitFor(() => (vscode.window.activeTextEditor?.document.uri.toString() === document ? vscode.window.activeTextEditor : undefined), 5000, 'the claim to be shown');
      assert.equal(editor.document.getText(editor.selection), CLAIM);
    } finally {
      panel.dispose();
    }
  });
});
