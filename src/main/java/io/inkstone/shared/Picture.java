package io.inkstone.shared;

import java.util.Collection;
import java.util.Map;

/**
 * An image as a list card shows it: its source, the responsive renditions that exist
 * ({@code srcset}, empty when none is known) and its intrinsic size (0 when unknown), so
 * the page reserves its box and nothing shifts.
 */
public record Picture(String src, String srcset, int width, int height) {

	/**
	 * An image we know nothing more about than its address (an imported or external
	 * image).
	 */
	public static Picture of(String src) {
		return new Picture(src, "", 0, 0);
	}

	/**
	 * Looks up the renditions of uploaded images by their public URLs (implemented by the
	 * media module).
	 */
	public interface Source {

		/** The pictures found, keyed by the URL asked for; unknown URLs are left out. */
		Map<String, Picture> pictures(Collection<String> urls);

		/**
		 * The size in bytes of the file at one of the site's image addresses, -1 when
		 * unknown.
		 */
		default long byteSize(String url) {
			return -1;
		}

	}

}
