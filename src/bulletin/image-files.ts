import { discardStoredFile, fileFolder } from '../platform/files/store.ts';

/** Where the bulletin's images are kept: DATA_DIR/bulletin-images, by the platform's file store. */
export const imageFolder = (dataDir: string) => fileFolder(dataDir, 'bulletin-images');

/**
 * Removes the files of images whose rows a committed change deleted. A file
 * that cannot be removed is only space used: the row is gone, so nothing
 * serves it and the change stands.
 */
export async function discardImageFiles(dataDir: string, storedNames: string[]) {
  for (const name of storedNames) await discardStoredFile(imageFolder(dataDir), name).catch(() => undefined);
}
