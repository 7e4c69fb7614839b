package io.inkstone.media;

import java.util.Arrays;
import java.util.Optional;

/**
 * The accepted upload formats, recognised by their magic bytes, never by file name or
 * declared type.
 */
enum ImageFormat {

	JPEG("image/jpeg", "jpg"), PNG("image/png", "png"), GIF("image/gif", "gif"), WEBP("image/webp", "webp");

	private final String contentType;

	private final String extension;

	ImageFormat(String contentType, String extension) {
		this.contentType = contentType;
		this.extension = extension;
	}

	String contentType() {
		return contentType;
	}

	String extension() {
		return extension;
	}

	static Optional<ImageFormat> sniff(byte[] b) {
		if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
			return Optional.of(JPEG);
		}
		if (b.length >= 8 && Arrays.equals(Arrays.copyOf(b, 8),
				new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' })) {
			return Optional.of(PNG);
		}
		if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8' && (b[4] == '7' || b[4] == '9')
				&& b[5] == 'a') {
			return Optional.of(GIF);
		}
		if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
				&& b[10] == 'B' && b[11] == 'P') {
			return Optional.of(WEBP);
		}
		return Optional.empty();
	}

	static ImageFormat fromExtension(String extension) {
		return Arrays.stream(values()).filter(f -> f.extension.equals(extension)).findFirst().orElseThrow();
	}

}
