/** The year picker of list filters (a GET form field named "year"). */
export function YearSelect({ years, selected }: { years: { id: string; year: number }[]; selected?: number }) {
  return (
    <select name="year" defaultValue={selected} aria-label="年度" className="input w-28">
      {years.map((y) => (
        <option key={y.id} value={y.year}>
          {y.year} 年度
        </option>
      ))}
    </select>
  );
}
