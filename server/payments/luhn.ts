/** The Luhn (mod 10) check every card number carries: catches one mistyped digit and most swapped pairs. */
export function passesLuhn(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Spaces and dashes are how people type card numbers; nothing else is accepted. */
export function normaliseCardNumber(input: string): string {
  return input.replace(/[\s-]/g, '');
}
