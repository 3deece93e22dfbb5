import { formatMoney, type Money } from '@/server/platform/money';

export function Price({ value, className = 'price' }: { value: Money; className?: string }) {
  return <span className={className}>{formatMoney(value)}</span>;
}
