import type { SidecarLocations } from './parseSidecar';

/**
 * `target` with a `locations` property computed by `compute` on first access and kept. The
 * property is an own, enumerable accessor that replaces itself with the value, so copying the
 * object (spread, JSON.stringify, structured clone to or from a worker, deepStrictEqual) sees the
 * locations as if they had been there all along; only nobody pays for them until they are read.
 */
export function withLazyLocations<T extends object>(target: T, compute: () => SidecarLocations): T & { readonly locations: SidecarLocations } {
  Object.defineProperty(target, 'locations', {
    enumerable: true,
    configurable: true,
    get(this: T) {
      const locations = compute();
      Object.defineProperty(this, 'locations', { value: locations, enumerable: true, configurable: true, writable: true });
      return locations;
    },
  });
  return target as T & { readonly locations: SidecarLocations };
}
