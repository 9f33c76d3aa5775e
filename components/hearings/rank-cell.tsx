/** One aggregate and the rank it gives, in a results table; the one that ranks is bold. */
export function RankCell({ value, rank, chosen }: { value: number; rank: number; chosen: boolean }) {
  return (
    <td className={`whitespace-nowrap text-right${chosen ? " font-medium" : ""}`}>
      {value.toFixed(2)}
      <span className="ml-1 text-xs text-stone-600">（第 {rank} 名）</span>
    </td>
  );
}
