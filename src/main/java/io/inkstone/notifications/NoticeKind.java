package io.inkstone.notifications;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of notice an account receives in its message centre; each may also come by
 * mail, as the account chooses ({@link MailPreferences}). Decisions about the account's
 * own content or application come by mail unless turned off; social notices (replies,
 * likes, followers) only when turned on.
 */
public enum NoticeKind {

	REPLY(false), LIKE(false), FOLLOW(false), APPLICATION(true), REVIEW(true), MODERATION(true), APPEAL(true);

	private final boolean mailByDefault;

	NoticeKind(boolean mailByDefault) {
		this.mailByDefault = mailByDefault;
	}

	public boolean mailByDefault() {
		return mailByDefault;
	}

	/** The lower-case code stored and used in URLs and message keys. */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<NoticeKind> parse(String code) {
		for (NoticeKind kind : values()) {
			if (kind.code().equals(code)) {
				return Optional.of(kind);
			}
		}
		return Optional.empty();
	}

}
