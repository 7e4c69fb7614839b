package io.inkstone.creators;

import io.inkstone.accounts.AccountAvatarChanged;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A creator's card shows the avatar of their account: one avatar per person, whether it
 * was uploaded in the account settings or on the studio's profile page. Only the avatar
 * is written: writing the tagline read here back would undo a tagline saved meanwhile.
 */
@Component
class CreatorAvatars {

	private final Creators creators;

	CreatorAvatars(Creators creators) {
		this.creators = creators;
	}

	@ApplicationModuleListener
	void on(AccountAvatarChanged changed) {
		creators.ofAccount(changed.accountId())
			.filter(c -> !changed.avatarUrl().equals(c.avatarUrl()))
			.ifPresent(c -> creators.updateAvatar(c.id(), changed.avatarUrl()));
	}

}
