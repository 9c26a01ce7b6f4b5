// Runs in the fake OpenRouter process and in tests: the picture an image-output model "draws" — a 16×16 PNG, a blue
// square on orange, so a test can check its bytes and a person can see it in a screenshot.

export const GENERATED_IMAGE_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAIElEQVR4nGP4ukCDJMQwyDXox1/AikY10FfDIEwaxCAApFulUHD7gV8AAAAASUVORK5CYII=';

export const GENERATED_IMAGE_DATA_URL = `data:image/png;base64,${GENERATED_IMAGE_PNG_BASE64}`;

/** The `images` of a reply (docs/openrouter-protocol.md §2.10): on a delta when streamed, on the message otherwise. */
export const generatedImages = (): { type: 'image_url'; image_url: { url: string } }[] => [
  { type: 'image_url', image_url: { url: GENERATED_IMAGE_DATA_URL } },
];
