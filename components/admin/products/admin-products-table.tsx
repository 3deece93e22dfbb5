import Link from 'next/link';
import { TableScroll } from '@/components/admin/table-scroll';
import type { AdminProductRow } from '@/server/catalog';
import { formatMoney } from '@/server/platform/money';
import styles from './products-admin.module.css';

export function AdminProductsTable({ products }: { products: AdminProductRow[] }) {
  return (
    <TableScroll label="Products">
      <table className={styles.table}>
        <caption>Products by name, published or not</caption>
        <thead>
          <tr>
            <th scope="col">Product</th>
            <th scope="col">Category</th>
            <th scope="col">Status</th>
            <th scope="col" className={styles.num}>
              From
            </th>
            <th scope="col" className={styles.num}>
              In stock
            </th>
            <th scope="col" className={styles.num}>
              Featured rank
            </th>
          </tr>
        </thead>
        <tbody>
          {products.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                <Link href={`/admin/products/${encodeURIComponent(p.id)}`}>{p.name}</Link>
              </th>
              <td>{p.category}</td>
              <td>{p.published ? 'Published' : <strong>Unpublished</strong>}</td>
              <td className={styles.num}>{formatMoney(p.price)}</td>
              <td className={styles.num}>{p.stock}</td>
              <td className={styles.num}>{p.featuredRank}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
