package io.inkstone.creators;

/**
 * A creator's public profile. {@code accountType} is one of the {@link AccountTypes}
 * codes (个人/媒体/机构/企业), shown by its label.
 */
public record Creator(long id, String handle, String displayName, String avatarUrl, String tagline, String accountType,
		boolean verified, String region) {

	/**
	 * The first character of the display name, used for the generated avatar when none is
	 * uploaded.
	 */
	public String initial() {
		return displayName.isEmpty() ? "?" : displayName.substring(0, displayName.offsetByCodePoints(0, 1));
	}

}
