package io.inkstone.web;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.web.multipart.MultipartFile;

/** The bytes of an uploaded file part, as the services that judge uploads take them. */
public final class Uploads {

	private Uploads() {
	}

	/**
	 * The file's bytes; none when no file was chosen (the service then says "choose a
	 * file"). The container already refused a part over its limit with a 413.
	 */
	public static byte[] bytes(MultipartFile file) {
		if (file == null || file.isEmpty()) {
			return new byte[0];
		}
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
