import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { findHelpPage } from '@/content/help/help-pages';

// Help pages read nothing per shopper and nothing from a table: shared, cached HTML like the catalog pages
// (server/platform/http/catalog-pages.ts lists /help/…; ADR 0025). The words live in content/help/.

type Props = { params: Promise<{ topic: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = findHelpPage((await params).topic);
  if (!page) return { title: 'Page not found' };
  return { title: page.title, description: page.summary, alternates: { canonical: `/help/${page.slug}` } };
}

export default async function HelpPageView({ params }: Props) {
  const page = findHelpPage((await params).topic);
  if (!page) notFound();
  return (
    <article className="help-page" aria-labelledby="help-title">
      <h1 id="help-title">{page.title}</h1>
      {page.body}
    </article>
  );
}
