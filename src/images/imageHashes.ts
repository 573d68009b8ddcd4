// The hashes a picture is matched by: SHA-256 of the exact bytes, and PDQ of what it shows
// (computed at most 512 pixels a side, as Meta's reference hasher does), with the seven other
// rotations and flips for matching turned or mirrored copies.

import { createHash } from 'node:crypto';
import type { ImageInfo } from './decode.js';
import { rasterize } from './decode.js';
import { lumaOf, pdqCoefficients, pdqDihedralFromCoefficients } from './pdq.js';

export const PDQ_MAX_SIDE = 512;

export interface ImageHashes {
  sha256: string;
  /** PDQ of the picture as shown, 64 hex digits. */
  pdq: string;
  /** 0–100; below 50 the picture is too flat for its PDQ to mean much. */
  quality: number;
  /** PDQ of the eight rotations and flips, the picture as shown first. */
  dihedral: readonly string[];
}

export async function imageHashes(bytes: Buffer, info: ImageInfo): Promise<ImageHashes> {
  const raster = await rasterize(bytes, info, PDQ_MAX_SIDE);
  const { dct, quality } = pdqCoefficients(lumaOf(raster.data, raster.width, raster.height, raster.channels));
  const dihedral = pdqDihedralFromCoefficients(dct);
  return { sha256: createHash('sha256').update(bytes).digest('hex'), pdq: dihedral[0], quality, dihedral };
}
