// The picture detectors: sexual content, QR codes and text (OCR), loaded in the picture worker threads.

export { builtinPictureDetectors } from './registry.js';
export { PICTURE_TEXT } from './pictureText.js';
