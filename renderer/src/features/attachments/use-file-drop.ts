// Renderer: files dropped anywhere on the conversation are attached. While files are dragged over it the page shows
// where they will land; text or links dragged around the page are left to the browser.

import { type DragEvent, useCallback, useRef, useState } from 'react';
import { useAppStore } from '../../store/use-app-store';

const carriesFiles = (event: DragEvent) => [...event.dataTransfer.types].includes('Files');

export interface FileDrop {
  dragging: boolean;
  handlers: {
    onDragEnter(event: DragEvent): void;
    onDragOver(event: DragEvent): void;
    onDragLeave(event: DragEvent): void;
    onDrop(event: DragEvent): void;
  };
}

export function useFileDrop(): FileDrop {
  const attachFiles = useAppStore((s) => s.attachFiles);
  const [dragging, setDragging] = useState(false);
  // dragenter/dragleave fire for every child crossed; only the outermost pair means "in" and "out".
  const depth = useRef(0);

  const onDragEnter = useCallback((event: DragEvent) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    depth.current += 1;
    setDragging(true);
  }, []);
  const onDragOver = useCallback((event: DragEvent) => {
    if (!carriesFiles(event)) return;
    // Without this the browser opens the file in place of the app.
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);
  const onDragLeave = useCallback((event: DragEvent) => {
    if (!carriesFiles(event)) return;
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setDragging(false);
  }, []);
  const onDrop = useCallback(
    (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth.current = 0;
      setDragging(false);
      const files = [...event.dataTransfer.files];
      if (files.length > 0) attachFiles(files);
    },
    [attachFiles],
  );
  return { dragging, handlers: { onDragEnter, onDragOver, onDragLeave, onDrop } };
}
