package io.inkstone.accounts;

import java.util.Collection;
import java.util.Map;

import io.inkstone.shared.BadRequestException;
import io.inkstone.shared.PayloadTooLargeException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every account's avatar, readers' as well as creators': one upload path, used by the
 * account settings and by the creator's profile page. The image goes through the media
 * pipeline ({@link AvatarImages}); the account keeps the URL of its rendition, so the
 * avatar survives a restart with the media store.
 */
@Service
public class Avatars {

	/**
	 * An avatar is shown at most a few hundred pixels wide: a far smaller limit than the
	 * media library's. The one limit of every avatar, whichever form it comes from (the
	 * account settings, the studio profile, 申请入驻): {@link #requireWithinLimit} is checked
	 * where every avatar is stored.
	 */
	public static final int MAX_MEGABYTES = 5;

	static final long MAX_BYTES = MAX_MEGABYTES * 1024L * 1024L;

	private final ObjectProvider<AvatarImages> images;

	private final AccountRepository repository;

	private final AccountAuthenticationRefresh refresh;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	Avatars(ObjectProvider<AvatarImages> images, AccountRepository repository, AccountAuthenticationRefresh refresh,
			ApplicationEventPublisher events, TransactionTemplate transactions) {
		this.images = images;
		this.repository = repository;
		this.refresh = refresh;
		this.events = events;
		this.transactions = transactions;
	}

	/**
	 * Checks and stores the image, then points the account at it.
	 * @return the URL of the avatar to show
	 */
	public String change(long accountId, byte[] image) {
		if (image == null || image.length == 0) {
			throw new BadRequestException("problem.accounts.avatarMissing");
		}
		// the image is checked (requireWithinLimit), processed and stored outside the
		// transaction (no I/O while it is open)
		String url = images.getObject().store(accountId, image);
		transactions.executeWithoutResult(status -> {
			repository.changeAvatar(accountId, url);
			events.publishEvent(new AccountAvatarChanged(accountId, url));
		});
		refresh.forget(accountId);
		return url;
	}

	/**
	 * Refuses an avatar over {@link #MAX_MEGABYTES} with a 413 that names the limit;
	 * called by the one store every avatar goes through ({@link AvatarImages}, which also
	 * stores applicants' avatars).
	 */
	public static void requireWithinLimit(byte[] image) {
		if (image.length > MAX_BYTES) {
			throw new PayloadTooLargeException("problem.accounts.avatarTooLarge", MAX_MEGABYTES);
		}
	}

	/** The avatars of the accounts that have one (for comment lists). */
	public Map<Long, String> of(Collection<Long> accountIds) {
		return repository.avatars(accountIds);
	}

}
