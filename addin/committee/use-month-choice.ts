// Owns the month the task cards show: the months with data, newest first, and the one chosen (the newest by default).
import { useEffect, useMemo, useState } from "react";
import type { CommitteeStats } from "../../src/schemas/committee";

export interface MonthChoice {
  readonly months: string[];
  readonly month: string;
  setMonth(month: string): void;
}

export function useMonthChoice(stats: CommitteeStats): MonthChoice {
  const months = useMemo(() => [...new Set(stats.cells.map((c) => c.month))].sort().reverse(), [stats]);
  const [month, setMonth] = useState(months[0] ?? "");
  useEffect(() => {
    // New data (a reload) may not hold the month shown: fall back to the newest.
    if (!months.includes(month)) setMonth(months[0] ?? "");
  }, [months, month]);
  return { months, month, setMonth };
}
