// What a line of text says: PP-OCRv4's recognition model reads the straightened crop at 48 pixels
// high and gives, for each slice of it, the likeliest character; CTC decoding drops blanks and
// repeats. The confidence is the mean of the kept characters' probabilities, as gutenye gives it.

import sharp from 'sharp';
import type { Tensor } from 'onnxruntime-node';
import type { OcrModels, Pixels } from './ocrModels.js';
import { modelInput } from './textBoxes.js';

const HEIGHT = 48;

export interface Recognised { text: string; confidence: number }

export async function recogniseLine(models: OcrModels, crop: Pixels): Promise<Recognised> {
  const { data, info } = await sharp(crop.data, { raw: { width: crop.width, height: crop.height, channels: 4 } })
    .resize({ height: HEIGHT }).raw().toBuffer({ resolveWithObject: true });
  const input = modelInput(data, info.channels, info.width, info.height, 1);
  const outputs = await models.recognition.run({ [models.recognition.inputNames[0]]: input });
  return ctcDecode(outputs[models.recognition.outputNames[0]], models.dictionary);
}

/** Greedy CTC: the best class per slice; blanks (0) and a class repeating the slice before it are dropped. */
function ctcDecode(output: Tensor, dictionary: readonly string[]): Recognised {
  const [, slices, classes] = output.dims;
  const scores = output.data as Float32Array;
  let text = '';
  let sum = 0;
  let kept = 0;
  let previous = -1;
  for (let s = 0; s < slices; s++) {
    let best = 0;
    for (let c = 1; c < classes; c++) if (scores[s * classes + c] > scores[s * classes + best]) best = c;
    if (best !== 0 && best !== previous) {
      text += dictionary[best] ?? '';
      sum += scores[s * classes + best];
      kept++;
    }
    previous = best;
  }
  return { text, confidence: kept ? sum / kept : 0 };
}
