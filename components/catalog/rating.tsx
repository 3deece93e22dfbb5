export function Rating({ value, count }: { value: number; count?: number }) {
  const label = `Rated ${value.toFixed(1)} out of 5${count !== undefined ? ` from ${count} reviews` : ''}`;
  return (
    <span className="rating" title={label}>
      <span className="visually-hidden">{label}</span>
      <span aria-hidden="true">
        ★ {value.toFixed(1)}
        {count !== undefined ? ` (${count})` : ''}
      </span>
    </span>
  );
}
