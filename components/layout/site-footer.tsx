import { IntentLink } from '@/components/layout/intent-link';

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="container">
        <p>Trail &amp; Table demo storefront. Prices in US dollars. Demo data only: nothing ships.</p>
        <p>
          <IntentLink href="/orders/lookup">Find an order</IntentLink> you placed without an account.
        </p>
      </div>
    </footer>
  );
}
