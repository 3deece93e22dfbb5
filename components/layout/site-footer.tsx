export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="container">
        <p>Trail &amp; Table demo storefront. Prices in US dollars. Demo data only: nothing ships.</p>
      </div>
    </footer>
  );
}
