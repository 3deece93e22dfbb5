import { describe, expect, it } from 'vitest';
import { prefersMarkdown } from './content-negotiation';

describe('prefersMarkdown', () => {
  it('answers Markdown to agents that ask for it first or only', () => {
    expect(prefersMarkdown('text/markdown')).toBe(true);
    expect(prefersMarkdown('text/markdown, text/html;q=0.9')).toBe(true);
    expect(prefersMarkdown('text/html;q=0.5, text/markdown;q=0.8')).toBe(true);
    expect(prefersMarkdown('TEXT/Markdown; charset=utf-8')).toBe(true);
    expect(prefersMarkdown('text/markdown, text/html')).toBe(true);
  });

  it('answers HTML to browsers, wildcards, ties listed HTML first, and a refused Markdown', () => {
    expect(prefersMarkdown('text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8')).toBe(false);
    expect(prefersMarkdown('*/*')).toBe(false);
    expect(prefersMarkdown('text/*')).toBe(false);
    expect(prefersMarkdown('text/html, text/markdown')).toBe(false);
    expect(prefersMarkdown('text/markdown;q=0, text/plain')).toBe(false);
    expect(prefersMarkdown('text/markdown;q=0.4, text/html;q=0.9')).toBe(false);
    expect(prefersMarkdown(null)).toBe(false);
    expect(prefersMarkdown('')).toBe(false);
  });

  it('keeps to what a CloudFront function can run (its source is sent there as is)', () => {
    const source = prefersMarkdown.toString();
    expect(source).not.toMatch(/=>|\?\.|\?\?|\bimport\b|\brequire\b/);
    // Compiled from its own source alone, it answers the same.
    const copy = new Function(`return (${source})`)() as typeof prefersMarkdown;
    expect(copy('text/markdown, text/html;q=0.9')).toBe(true);
    expect(copy('text/html')).toBe(false);
  });
});
