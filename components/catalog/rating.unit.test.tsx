import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Rating, reviewCountText, starFills } from './rating';

// Ratings told honestly (issue 27): no "★ 0.0" for a product nobody reviewed, stars a screen reader reads as one
// sentence, and a count in plain English.

describe('Rating', () => {
  it('says "No reviews yet" for a product without reviews, whatever its stored rating', () => {
    const html = renderToStaticMarkup(<Rating value={0} count={0} />);
    expect(html).toContain('No reviews yet');
    expect(html).not.toContain('★');
    expect(renderToStaticMarkup(<Rating value={4.2} count={0} />)).toContain('No reviews yet');
  });

  it('draws five stars as one image named "Rated 4.3 out of 5", with the review count', () => {
    const html = renderToStaticMarkup(<Rating value={4.3} count={12} />);
    expect(html).toContain('role="img" aria-label="Rated 4.3 out of 5"');
    expect(html.match(/class="star star--/g)).toHaveLength(5);
    expect(html).toContain('(12 reviews)');
  });

  it('writes one review in the singular', () => {
    expect(renderToStaticMarkup(<Rating value={5} count={1} />)).toContain('(1 review)');
    expect(reviewCountText(1)).toBe('1 review');
    expect(reviewCountText(2500)).toBe('2,500 reviews');
  });

  it('fills stars to the nearest half', () => {
    expect(starFills(4.3)).toEqual(['full', 'full', 'full', 'full', 'half']);
    expect(starFills(4.2)).toEqual(['full', 'full', 'full', 'full', 'empty']);
    expect(starFills(1)).toEqual(['full', 'empty', 'empty', 'empty', 'empty']);
  });
});
