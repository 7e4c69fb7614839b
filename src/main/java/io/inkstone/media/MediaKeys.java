package io.inkstone.media;

import java.util.regex.Pattern;

/**
 * Storage keys: {@code <64 hex sha256>/<full|width>.<jpg|png|gif>}; anything else is
 * refused.
 */
final class MediaKeys {

	static final Pattern KEY = Pattern.compile("[0-9a-f]{64}/(full|[0-9]{2,4})\\.(jpg|png|gif)");

	private MediaKeys() {
	}

	static boolean valid(String key) {
		return key != null && KEY.matcher(key).matches();
	}

	static String requireValid(String key) {
		if (!valid(key)) {
			throw new IllegalArgumentException("not a media key: " + key);
		}
		return key;
	}

	static String contentType(String key) {
		return ImageFormat.fromExtension(key.substring(key.lastIndexOf('.') + 1)).contentType();
	}

}
