/**
 * Remembers `compute(key)` per key object. The space catalog hands the engine the same
 * resources, opening hours and closures arrays on every request until the space changes, so
 * work that depends only on them is done once per space version. That holds only while nobody
 * changes such an array or its items after handing it over, which nothing in the app does;
 * a new array is a new key, so fresh inputs are simply computed afresh.
 */
export function perObject<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const memo = new WeakMap<K, V>();
  return (key) => {
    let value = memo.get(key);
    if (value === undefined) memo.set(key, (value = compute(key)));
    return value;
  };
}
