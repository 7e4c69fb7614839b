package io.inkstone.media;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import io.inkstone.shared.PayloadTooLargeException;
import io.inkstone.shared.UnsupportedMediaException;

/**
 * Animated GIFs are stored as uploaded so they keep moving, which means their blocks pass
 * through: this walks the block structure (GIF89a spec, section 17 onwards) and keeps
 * only what draws the animation — header, colour tables, graphic control and looping
 * extensions, frames. Comment, plain-text and other application extensions (XMP with GPS,
 * editor comments) are dropped. Every frame's declared size is checked against the pixel
 * limit, and so is their sum, before anything is decoded: a decompression bomb can sit in
 * any frame, not only the first.
 */
final class GifStreams {

	private static final int EXTENSION = 0x21;

	private static final int IMAGE = 0x2C;

	private static final int TRAILER = 0x3B;

	private static final int GRAPHIC_CONTROL = 0xF9;

	private static final int APPLICATION = 0xFF;

	private GifStreams() {
	}

	/** What a GIF is made of, after stripping. */
	record Stripped(byte[] bytes, int frames, long totalPixels) {
	}

	/**
	 * @param maxFramePixels the largest a single frame may be (width × height)
	 * @param maxTotalPixels the most all frames together may decode to
	 */
	static Stripped strip(byte[] gif, long maxFramePixels, long maxTotalPixels) {
		Reader in = new Reader(gif);
		ByteArrayOutputStream out = new ByteArrayOutputStream(gif.length);
		String signature = new String(in.bytes(6), StandardCharsets.US_ASCII);
		if (!signature.equals("GIF89a") && !signature.equals("GIF87a")) {
			throw damaged();
		}
		out.writeBytes(signature.getBytes(StandardCharsets.US_ASCII));
		byte[] screen = in.bytes(7);
		out.writeBytes(screen);
		if ((screen[4] & 0x80) != 0) {
			out.writeBytes(in.bytes(colorTableSize(screen[4])));
		}
		int frames = 0;
		long total = 0;
		while (true) {
			int block = in.next();
			if (block == TRAILER) {
				out.write(TRAILER);
				break;
			}
			if (block == IMAGE) {
				byte[] descriptor = in.bytes(9);
				long width = (descriptor[4] & 0xFF) | (descriptor[5] & 0xFF) << 8;
				long height = (descriptor[6] & 0xFF) | (descriptor[7] & 0xFF) << 8;
				frames++;
				total += width * height;
				if (width * height > maxFramePixels || total > maxTotalPixels) {
					throw new PayloadTooLargeException("problem.media.tooManyPixelsInFrame", frames);
				}
				out.write(IMAGE);
				out.writeBytes(descriptor);
				if ((descriptor[8] & 0x80) != 0) {
					out.writeBytes(in.bytes(colorTableSize(descriptor[8])));
				}
				out.write(in.next()); // LZW minimum code size
				out.writeBytes(in.subBlocks());
			}
			else if (block == EXTENSION) {
				int label = in.next();
				byte[] body = in.subBlocks();
				if (label == GRAPHIC_CONTROL || label == APPLICATION && isLooping(body)) {
					out.write(EXTENSION);
					out.write(label);
					out.writeBytes(body);
				}
			}
			else {
				throw damaged();
			}
		}
		if (frames == 0) {
			throw damaged();
		}
		return new Stripped(out.toByteArray(), frames, total);
	}

	/**
	 * The NETSCAPE2.0 (or ANIMEXTS1.0) extension that makes an animation loop; its first
	 * sub-block names it.
	 */
	private static boolean isLooping(byte[] subBlocks) {
		if (subBlocks.length < 12 || subBlocks[0] != 11) {
			return false;
		}
		String id = new String(subBlocks, 1, 11, StandardCharsets.US_ASCII);
		return id.equals("NETSCAPE2.0") || id.equals("ANIMEXTS1.0");
	}

	private static int colorTableSize(byte packed) {
		return 3 * (1 << ((packed & 0x07) + 1));
	}

	private static UnsupportedMediaException damaged() {
		return new UnsupportedMediaException("problem.media.theImageIsDamagedOrUnreadable");
	}

	private static final class Reader {

		private final byte[] data;

		private int at;

		Reader(byte[] data) {
			this.data = data;
		}

		int next() {
			if (at >= data.length) {
				throw damaged();
			}
			return data[at++] & 0xFF;
		}

		byte[] bytes(int n) {
			if (n < 0 || at + n > data.length) {
				throw damaged();
			}
			byte[] result = new byte[n];
			System.arraycopy(data, at, result, 0, n);
			at += n;
			return result;
		}

		/** Data sub-blocks up to and including the zero-length terminator, as written. */
		byte[] subBlocks() {
			int start = at;
			while (true) {
				int size = next();
				if (size == 0) {
					break;
				}
				bytes(size);
			}
			byte[] result = new byte[at - start];
			System.arraycopy(data, start, result, 0, result.length);
			return result;
		}

	}

}
