/** "1 review", "12 reviews": the count as a shopper reads it (never "1 reviews"). */
export function reviewCountText(count: number): string {
  return count === 1 ? '1 review' : `${count.toLocaleString('en-US')} reviews`;
}

/** Each of the five stars as full, half or empty, from the average rounded to the nearest half star. */
export function starFills(value: number): ('full' | 'half' | 'empty')[] {
  const halves = Math.round(Math.min(5, Math.max(0, value)) * 2);
  return [1, 2, 3, 4, 5].map((n) => (halves >= n * 2 ? 'full' : halves === n * 2 - 1 ? 'half' : 'empty'));
}

/**
 * An average rating drawn as five stars, with its number and review count. A product nobody has reviewed says so
 * instead of showing "★ 0.0", which reads as a product everyone hated. The stars are one image to assistive
 * technology ("Rated 4.3 out of 5"); the count is plain text.
 */
export function Rating({ value, count }: { value: number; count: number }) {
  if (!(count > 0)) return <span className="rating rating--none">No reviews yet</span>;
  const label = `Rated ${value.toFixed(1)} out of 5`;
  return (
    <span className="rating">
      <span className="stars" role="img" aria-label={label} title={label}>
        {starFills(value).map((fill, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: five fixed positions
          <span key={i} className={`star star--${fill}`} aria-hidden="true">
            ★
          </span>
        ))}
      </span>{' '}
      <span aria-hidden="true">{value.toFixed(1)}</span> <span>({reviewCountText(count)})</span>
    </span>
  );
}
