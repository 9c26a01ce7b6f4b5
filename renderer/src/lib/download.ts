// Renderer: hands text the page made (a CSV, a presets file) to the browser as a download; no path is involved.

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
