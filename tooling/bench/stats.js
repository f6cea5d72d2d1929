// @ts-check

/**
 * The middle value (the mean of the two middle ones for an even count): what a bench reports
 * over rounds, since one round disturbed by the shared machine must not decide a result.
 *
 * @example
 * median([3, 1, 2]); // 2
 *
 * @param {readonly number[]} values
 * @returns {number}
 */
export function median(values) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? /** @type {number} */ (sorted[middle])
    : /** @type {number} */ (sorted[middle - 1] + /** @type {number} */ (sorted[middle])) / 2;
}

/**
 * Per-round ratios summed up as the benches print them: the median, the range of the rounds and
 * whether the goal is met — `1.04× [0.97–1.10] met`.
 *
 * @example
 * ratioSummary([1.1, 0.97, 1.04]); // '1.04× [0.97–1.10] met'
 *
 * @param {readonly number[]} ratios
 * @param {number} [goal] the ratio that counts as met (default 1)
 * @returns {string}
 */
export function ratioSummary(ratios, goal = 1) {
  const value = median(ratios);
  return `${value.toFixed(2)}× [${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}] ${value >= goal ? 'met' : 'NOT met'}`;
}
