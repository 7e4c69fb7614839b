package io.inkstone.media;

import io.inkstone.creators.ApplicantAvatars;

import org.springframework.stereotype.Component;

/**
 * Applicants' avatars go through the media pipeline like every image. Until the applicant
 * has a creator profile the item is kept under the negated account id, outside any
 * creator's library.
 */
@Component
class MediaApplicantAvatars implements ApplicantAvatars {

	private final Media media;

	MediaApplicantAvatars(Media media) {
		this.media = media;
	}

	@Override
	public String store(long accountId, byte[] image) {
		MediaItem item = media.upload(-accountId, image, "头像 / avatar");
		return item.widths().contains(480) ? item.url().replace("/full.", "/480.") : item.url();
	}

}
