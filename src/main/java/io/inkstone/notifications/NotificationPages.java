package io.inkstone.notifications;

import java.util.List;

/** Page models of the mail preference pages. */
public final class NotificationPages {

	private NotificationPages() {
	}

	/** Which kinds of notice also come by mail ({@code /account/notifications}). */
	public record Notifications(List<MailChoice> choices, boolean saved) {
	}

	/** One kind of notice and whether it comes by mail. */
	public record MailChoice(String kind, boolean mail) {
	}

	/** The one-click unsubscribe page: confirm ({@code done} false) or confirmed. */
	public record Unsubscribe(String token, String kind, boolean done) {
	}

}
