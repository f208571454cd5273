import assert from 'node:assert/strict';
import * as path from 'node:path';
import { isInsideFolder } from '../../src/core/corpus/insideFolder';

describe('isInsideFolder', () => {
  const root = path.resolve('/work', 'repo');
  it('holds the folder itself and what lies below it, a name starting with two dots included', () => {
    assert.equal(isInsideFolder(root, root), true);
    assert.equal(isInsideFolder(root, path.join(root, 'a', 'b.txt.annotations.yaml')), true);
    assert.equal(isInsideFolder(root, path.join(root, '..x', 'b.txt')), true);
    assert.equal(isInsideFolder(root + path.sep, path.join(root, 'a')), true);
  });
  it('refuses a sibling whose name starts like the folder, its parent and paths elsewhere', () => {
    assert.equal(isInsideFolder(root, root + '-other'), false);
    assert.equal(isInsideFolder(root, path.join(root, '..', 'elsewhere.txt')), false);
    assert.equal(isInsideFolder(root, path.dirname(root)), false);
  });
});
