import { IntentLink } from '@/components/layout/intent-link';
import { HELP_PAGES } from '@/content/help/help-pages';

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="container">
        <nav aria-label="Help and policies">
          <ul className="site-footer__links">
            {HELP_PAGES.map((p) => (
              <li key={p.slug}>
                <IntentLink href={`/help/${p.slug}`}>{p.title}</IntentLink>
              </li>
            ))}
            <li>
              <IntentLink href="/orders/lookup">Find an order</IntentLink>
            </li>
          </ul>
        </nav>
        <p>Trail &amp; Table demo storefront. Prices in US dollars. Demo data only: nothing ships.</p>
      </div>
    </footer>
  );
}
