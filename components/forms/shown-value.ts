// What the page shows for the control(s) named `name` under `root`: the checked radio's or checkbox's value, or an
// input's, select's or textarea's; null when there is none (or no radio of the group is checked). Client components
// with controlled fields read it once after hydration, so what a shopper typed or clicked before then is kept.
export function shownValue(root: ParentNode | null | undefined, name: string): string | null {
  if (!root) return null;
  for (const field of root.querySelectorAll(`[name="${CSS.escape(name)}"]`)) {
    if (field instanceof HTMLInputElement && (field.type === 'radio' || field.type === 'checkbox')) {
      if (field.checked) return field.value;
    } else if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement || field instanceof HTMLTextAreaElement) {
      return field.value;
    }
  }
  return null;
}
