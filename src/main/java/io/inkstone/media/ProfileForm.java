package io.inkstone.media;

/**
 * The studio profile form as posted, beside its avatar file: the tagline, an empty string
 * when left out. How long a tagline may be is the profile page's one rule
 * ({@code StudioProfileController.MAX_TAGLINE}, counted once stripped); what an avatar
 * must be is the account's avatar pipeline's.
 */
record ProfileForm(String tagline) {

	ProfileForm {
		tagline = tagline == null ? "" : tagline;
	}

}
