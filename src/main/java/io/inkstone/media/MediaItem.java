package io.inkstone.media;

import java.util.Arrays;
import java.util.List;

/**
 * One image in a creator's library.
 *
 * @param renditions the stored renditions, {@code full} first, then widths ascending
 */
public record MediaItem(long id, long creatorId, String sha256, String extension, int width, int height, long bytes,
		String renditions, String alt, String aiSource, long createdAt) {

	public String url() {
		return "/media/" + sha256 + "/full." + extension;
	}

	public List<Integer> widths() {
		return Arrays.stream(renditions.split(",")).filter(r -> !r.equals("full")).map(Integer::valueOf).toList();
	}

	/** {@code srcset} for responsive images: every width plus the full rendition. */
	public String srcset() {
		StringBuilder out = new StringBuilder();
		for (int w : widths()) {
			out.append("/media/")
				.append(sha256)
				.append('/')
				.append(w)
				.append('.')
				.append(extension)
				.append(' ')
				.append(w)
				.append("w, ");
		}
		return out.append(url()).append(' ').append(width).append('w').toString();
	}

	/**
	 * The smallest rendition (for thumbnails in pickers), or the full image when it has
	 * none.
	 */
	public String thumbnailUrl() {
		List<Integer> widths = widths();
		return widths.isEmpty() ? url() : "/media/" + sha256 + "/" + widths.get(0) + "." + extension;
	}

	/** The Markdown a creator pastes into the editor. */
	public String markdown() {
		return "![" + alt.replace("]", "").replace("[", "") + "](" + url() + ")";
	}

}
