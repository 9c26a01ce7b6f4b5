// Renderer: Settings › Spending: the optional monthly budget, with this month's progress against it.

import clsx from 'clsx';
import styles from './spend.module.css';
import { type FormEvent, useState } from 'react';
import { usdAmountSchema } from '../../../../shared/schemas';
import type { AppError } from '../../../../shared/result';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatCost } from '../../lib/format';
import { useAppStore } from '../../store/use-app-store';
import { budgetShare } from './budget';
import settingsStyles from '../../components/settings.module.css';

export function BudgetSettings() {
  const overview = useAppStore((s) => s.spendOverview);
  const setMonthlyBudget = useAppStore((s) => s.setMonthlyBudget);
  const [text, setText] = useState(overview?.budget ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const share = overview ? budgetShare(overview.month, overview.budget) : null;

  const save = async (value: string | null) => {
    setSaved(null);
    setError(null);
    if (value !== null) {
      const parsed = usdAmountSchema.safeParse(value.replace(/^\$/, ''));
      if (!parsed.success) {
        setProblem(parsed.error.issues[0]?.message ?? 'Enter an amount in dollars.');
        return;
      }
      value = parsed.data;
    }
    setProblem(null);
    const failure = await setMonthlyBudget(value);
    if (failure) setError(failure);
    else setSaved(value === null ? 'Budget removed.' : 'Budget saved.');
    if (value === null) setText('');
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(text.trim() === '' ? null : text);
  };

  return (
    <section className={settingsStyles.section} aria-labelledby="settings-budget-title">
      <h3 id="settings-budget-title">Spending</h3>
      <form className={styles.budgetForm} onSubmit={submit}>
        <label htmlFor="monthly-budget">Monthly budget (USD)</label>
        <input
          id="monthly-budget"
          inputMode="decimal"
          placeholder="none"
          value={text}
          aria-invalid={problem !== null}
          aria-describedby="monthly-budget-help"
          onChange={(event) => setText(event.target.value)}
        />
        <button type="submit">Save budget</button>
        {overview?.budget ? (
          <button type="button" onClick={() => void save(null)}>
            Remove budget
          </button>
        ) : null}
      </form>
      <p id="monthly-budget-help" className="muted">
        {problem ??
          'Switchboard asks before a message that may take you over it, and warns once a month at 80 %. Empty = no budget.'}
      </p>
      {overview?.budget && share !== null ? (
        <p className={styles.budgetLine}>
          <progress className={clsx(styles.budgetBar, share >= 0.8 && styles.near)} max={1} value={share} />{' '}
          {formatCost(overview.month)} of {formatCost(overview.budget)} this month
        </p>
      ) : null}
      {error ? <ErrorAlert error={error} /> : null}
      {saved ? (
        <p role="status" className="muted">
          {saved}
        </p>
      ) : null}
    </section>
  );
}
