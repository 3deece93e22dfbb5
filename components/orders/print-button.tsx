'use client';

/** Opens the browser's print dialog (the label page is printable without it too: Ctrl+P). */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className="button" onClick={() => window.print()}>
      {label}
    </button>
  );
}
