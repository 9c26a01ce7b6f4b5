// Renderer: one failure, worded for people, with room for the buttons that fix it.

import clsx from 'clsx';
import type { ReactNode } from 'react';
import type { AppError } from '../../../shared/result';
import { describeError } from '../lib/error-text';
import styles from './error-alert.module.css';
import { ErrorTextLines } from './ErrorTextLines';

interface ErrorAlertProps {
  error: AppError;
  className?: string;
  children?: ReactNode;
}

export function ErrorAlert({ error, className, children }: ErrorAlertProps) {
  const text = describeError(error);
  return (
    <div role="alert" className={clsx(styles.alert, className)}>
      <div className={styles.text}>
        <ErrorTextLines text={text} />
      </div>
      {children ? <div className={styles.actions}>{children}</div> : null}
    </div>
  );
}
