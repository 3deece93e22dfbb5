// The shop as its email shows it: one place for the name and colours every template uses. The colours are the
// storefront's (app/globals.css); light text on the brand green passes WCAG AA, and so does the ink on paper.

export const BRAND = {
  name: 'Trail & Table',
  tagline: 'Gear for the trail, goods for the table',
  green: '#1f5135',
  greenText: '#ffffff',
  ink: '#1d2521',
  muted: '#56625b',
  paper: '#ffffff',
  canvas: '#f3f1ec',
  rule: '#dcd8cf',
  font: "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif",
} as const;
