package io.inkstone.media;

import java.util.List;
import java.util.Map;

import io.inkstone.creators.Creator;

/** Page models of the media library. */
public final class MediaPages {

	private MediaPages() {
	}

	/**
	 * The creator's profile form: current values, the refusal said above the form (or
	 * null) and field ({@code tagline}, {@code avatar}) → text as shown at that field.
	 */
	public record Profile(Creator creator, String tagline, String error, Map<String, String> errors) {

		/** A field's error text, or null. */
		public String error(String field) {
			return errors.get(field);
		}

	}

	/**
	 * @param errors the upload form's field ({@code alt}, {@code file}) → text as shown
	 * @param alt the alt text as posted
	 * @param ai whether the AI-generated box was ticked
	 * @param uploaded the item just uploaded, shown first with its Markdown to copy
	 */
	public record Library(List<MediaItem> items, Map<String, String> errors, String alt, boolean ai, MediaItem uploaded,
			String maxSize) {

		/** A field's error text, or null. */
		public String error(String field) {
			return errors.get(field);
		}

	}

}
