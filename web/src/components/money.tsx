// An amount on screen: integer Rupiah formatted without floating point, kept on one line.
import { formatRupiah } from '../format/money';

export function Money({ amount, className }: { readonly amount: number; readonly className?: string }) {
  return <span className={`money${className ? ` ${className}` : ''}`}>{formatRupiah(amount)}</span>;
}
