// Renderer: one failure, worded for people, with room for the buttons that fix it.

import type { ReactNode } from 'react';
import type { AppError } from '../../../shared/result';
import { describeError } from '../lib/error-text';
import { ErrorTextLines } from './ErrorTextLines';

interface ErrorAlertProps {
  error: AppError;
  className?: string;
  children?: ReactNode;
}

export function ErrorAlert({ error, className, children }: ErrorAlertProps) {
  const text = describeError(error);
  return (
    <div role="alert" className={`error-alert ${className ?? ''}`}>
      <div className="error-text">
        <ErrorTextLines text={text} />
      </div>
      {children ? <div className="error-actions">{children}</div> : null}
    </div>
  );
}
