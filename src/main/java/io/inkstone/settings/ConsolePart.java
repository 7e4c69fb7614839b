package io.inkstone.settings;

import java.util.List;

/**
 * The operators' part of {@code /admin/settings}: each compliance duty with the admin's
 * choice, what the profile says and what is in force; the merge form as posted; the merge
 * waiting for its confirmation (null when none).
 */
public record ConsolePart(List<Duty> duties, ChannelMergeForm merge, MergePreview preview) {

	/**
	 * A duty: its name, the admin's choice ({@code profile}, {@code on}, {@code off}),
	 * the profile's value, the value in force, and whether an admin can switch it.
	 */
	public record Duty(String name, String field, String choice, boolean byProfile, boolean effective,
			boolean switchable) {
	}

	/** What a merge will do, shown before it is done. */
	public record MergePreview(long from, String fromName, String fromSlug, long into, String intoName, String intoSlug,
			long articles) {
	}

	/** The choice posted or stored for a field of the merge form. */
	public String mergeValue(String field) {
		if (merge == null) {
			return null;
		}
		Long value = field.equals("mergeFrom") ? merge.mergeFrom() : merge.mergeInto();
		return value == null ? null : value.toString();
	}

}
