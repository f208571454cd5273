import * as path from 'node:path';

/**
 * Whether `file` is `folder` itself or lies below it. By path, not by prefix: `/a/bc` is not
 * inside `/a/b`, and `/a/b/..x` (a name that starts with two dots) is.
 */
export function isInsideFolder(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (relative.split(path.sep)[0] !== '..' && !path.isAbsolute(relative));
}
