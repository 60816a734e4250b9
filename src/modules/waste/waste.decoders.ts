/**
 * Decoder registry for LoRaWAN fill-level sensors. A decoder turns the raw uplink bytes (or the
 * network server's already decoded object) into a reading; anything it cannot read is an error, so a
 * malformed payload never becomes a value. Byte layouts follow the manufacturers' published decoders.
 */
export interface DecodedReading {
  /** 0–100 %, if the device reports the fill level itself */
  fillPct?: number;
  /** distance from the sensor to the waste surface, if it reports that instead */
  distanceMm?: number;
  batteryPct?: number;
  temperatureC?: number;
}

export class DecodeError extends Error {
  override name = 'DecodeError';
}

export interface Decoder {
  description: string;
  decode(bytes: Buffer | null, decoded: Record<string, unknown> | null): DecodedReading;
}

/** Lithium (Li-SOCl2) cells: 3.0 V empty, 3.6 V full; good enough for "replace soon". */
const batteryFromMv = (mv: number) => Math.max(0, Math.min(100, Math.round(((mv - 3000) / 600) * 100)));

function need(bytes: Buffer | null, length: number, name: string): Buffer {
  if (!bytes) throw new DecodeError(`${name} needs the raw payload (frm_payload / data)`);
  if (bytes.length < length) throw new DecodeError(`${name} expects at least ${length} bytes, got ${bytes.length}`);
  return bytes;
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

export const DECODERS: Record<string, Decoder> = {
  'dragino-ldds75': {
    description: 'Dragino LDDS75 ultrasonic distance sensor (8 bytes: battery mV, distance mm, interrupt, temperature, flag)',
    decode(raw) {
      const b = need(raw, 8, 'dragino-ldds75');
      const mv = b.readUInt16BE(0) & 0x3fff;
      const distance = b.readUInt16BE(2);
      if (distance === 0) throw new DecodeError('dragino-ldds75: distance 0 means no echo (sensor not connected or blocked)');
      const temp = b.readInt16BE(5) / 10;
      return { distanceMm: distance, batteryPct: batteryFromMv(mv), ...(temp !== 0 ? { temperatureC: temp } : {}) };
    },
  },
  'milesight-em310-udl': {
    description: 'Milesight EM310-UDL ultrasonic distance sensor (channels: 01 75 battery %, 03 82 distance mm, 04 00 tilt)',
    decode(raw) {
      const b = need(raw, 3, 'milesight-em310-udl');
      const out: DecodedReading = {};
      let i = 0;
      while (i + 1 < b.length) {
        const channel = b[i]!;
        const type = b[i + 1]!;
        i += 2;
        if (channel === 0x01 && type === 0x75) out.batteryPct = need(b, i + 1, 'milesight battery')[i++]!;
        else if (channel === 0x03 && type === 0x82) {
          out.distanceMm = need(b, i + 2, 'milesight distance').readUInt16LE(i);
          i += 2;
        } else if (channel === 0x04 && type === 0x00) i += 1;
        else throw new DecodeError(`milesight-em310-udl: unknown channel 0x${channel.toString(16)} type 0x${type.toString(16)}`);
      }
      if (out.distanceMm === undefined) throw new DecodeError('milesight-em310-udl: the payload has no distance channel');
      return out;
    },
  },
  'confluentes-fill-v1': {
    description: 'Simple format for own devices (4 bytes: fill %, battery %, temperature × 10 as int16)',
    decode(raw) {
      const b = need(raw, 4, 'confluentes-fill-v1');
      return { fillPct: b[0]!, batteryPct: b[1]!, temperatureC: b.readInt16BE(2) / 10 };
    },
  },
  decoded: {
    description: 'Uses the network server’s payload formatter output: fillingLevel (0–1) or fillLevel (%) or distance (mm), battery (%), temperature (°C)',
    decode(_raw, obj) {
      if (!obj) throw new DecodeError('decoded: the uplink carries no decoded payload (decoded_payload / object)');
      const filling = num(obj['fillingLevel']);
      const fill = filling !== undefined ? filling * 100 : (num(obj['fillLevel']) ?? num(obj['fill_level']));
      const distance = num(obj['distance']);
      if (fill === undefined && distance === undefined) throw new DecodeError('decoded: neither fillingLevel, fillLevel nor distance is a number');
      const battery = num(obj['battery']);
      const temperature = num(obj['temperature']);
      return {
        ...(fill !== undefined ? { fillPct: fill } : { distanceMm: distance! }),
        ...(battery !== undefined ? { batteryPct: battery } : {}),
        ...(temperature !== undefined ? { temperatureC: temperature } : {}),
      };
    },
  },
};

export const DECODER_NAMES = Object.keys(DECODERS);

/** Strict base64: a payload that is not base64 is malformed, not empty. */
export function base64Bytes(text: string | undefined): Buffer | null {
  if (text === undefined || text === '') return null;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || text.length % 4 !== 0) throw new DecodeError('the payload is not valid base64');
  return Buffer.from(text, 'base64');
}

/** Fill level from a distance reading: the container's depth is the distance when it is empty. */
export function fillFromDistance(distanceMm: number, depthMm: number): number {
  return Math.max(0, Math.min(100, ((depthMm - distanceMm) / depthMm) * 100));
}
