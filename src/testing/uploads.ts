/** Upload fixtures shared by the modules' tests: a JPEG with GPS EXIF and a multipart body builder. */
import jpeg from 'jpeg-js';

/** A small red JPEG with an APP1 Exif segment carrying a GPS IFD (GPSLatitudeRef = "N"). */
export function jpegWithGps(): Buffer {
  const w = 40;
  const h = 30;
  const data = Buffer.alloc(w * h * 4, 0);
  for (let i = 0; i < w * h; i++) data.set([200, 30, 30, 255], i * 4);
  const plain = jpeg.encode({ width: w, height: h, data }, 90).data;
  const tiff = Buffer.from([
    0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08, // big-endian TIFF, IFD0 at 8
    0x00, 0x01, 0x88, 0x25, 0x00, 0x04, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x1a, // GPSInfo → 26
    0x00, 0x00, 0x00, 0x00, // no next IFD
    0x00, 0x01, 0x00, 0x01, 0x00, 0x02, 0x00, 0x00, 0x00, 0x02, 0x4e, 0x00, 0x00, 0x00, // GPSLatitudeRef "N"
    0x00, 0x00, 0x00, 0x00,
  ]);
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff, Buffer.from('GPS 50.3597N 7.5958E', 'latin1')]);
  const len = Buffer.alloc(2);
  len.writeUInt16BE(payload.length + 2);
  return Buffer.concat([plain.subarray(0, 2), Buffer.from([0xff, 0xe1]), len, payload, plain.subarray(2)]);
}

export function multipart(fields: Record<string, string>, files: { name: string; filename: string; type: string; data: Buffer }[]) {
  const boundary = '----cf' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.name}"; filename="${f.filename}"\r\nContent-Type: ${f.type}\r\n\r\n`), f.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
