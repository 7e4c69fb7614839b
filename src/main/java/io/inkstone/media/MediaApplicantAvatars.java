package io.inkstone.media;

import io.inkstone.accounts.AvatarImages;
import io.inkstone.accounts.Avatars;
import io.inkstone.creators.ApplicantAvatars;
import io.inkstone.shared.TwoLanguages;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Avatars go through the media pipeline like every image: an applicant's (申请入驻) and any
 * account's, reader or creator. The item is kept under the negated account id, outside
 * any creator's library; the account shows its 480-pixel rendition. Every avatar has the
 * avatar limit ({@link Avatars#MAX_MEGABYTES}), not the media library's larger one. Its
 * alt text is stored in both languages ("头像 / avatar").
 */
@Component
class MediaApplicantAvatars implements ApplicantAvatars, AvatarImages {

	private final Media media;

	private final MessageSource messages;

	MediaApplicantAvatars(Media media, MessageSource messages) {
		this.media = media;
		this.messages = messages;
	}

	@Override
	public String store(long accountId, byte[] image) {
		Avatars.requireWithinLimit(image);
		MediaItem item = media.upload(-accountId, image, TwoLanguages.inline(messages, "media.avatar.alt"));
		return item.widths().contains(480) ? item.url().replace("/full.", "/480.") : item.url();
	}

}
