// Renderer: hands text the page made (a CSV, a presets file), or a file the host serves (an attachment), to the
// browser as a download; no path is involved. In Electron the same link asks where to save it.

export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Long enough for the download to start; the URL is then only a leak.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file the host already serves (same origin), saved under `fileName`: the browser's own "Save as…". */
export function downloadUrl(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}
